package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.replay.Replay;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Passive, deterministic, bounded: what the observer promises beyond its individual endpoints. */
class ObserverGuaranteesTest {
    private static final String V1 = "/observer/v1";
    private static final List<String> EVERY_RESOURCE = List.of(V1 + "/runtime", V1 + "/audit/events?limit=7",
            V1 + "/audit/events?after=7&limit=7&type=MarketBarObserved", V1 + "/audit/events/3", V1 + "/audit/summary",
            V1 + "/audit/integrity", V1 + "/snapshots", V1 + "/snapshots/20", V1 + "/decisions?limit=5",
            V1 + "/decisions/summary", V1 + "/ledger", V1 + "/ledger?at=20", V1 + "/ledger/fills", V1 + "/openapi");

    private static ObserverServer start(InMemoryStore store, long maxBytes) {
        return start(store, store, maxBytes);
    }

    private static ObserverServer start(InMemoryStore store, SnapshotLoadPort snapshots, long maxBytes) {
        return ObserverServer.start(new ObserverSettings("127.0.0.1", 0, maxBytes, "test"), store, snapshots);
    }

    private static InMemoryStore store;
    private static StoredSnapshots snapshots;

    /** A 30-bar session with a snapshot at seq 20 (kept in {@link #snapshots}). */
    private static InMemoryStore storeWithSnapshot() {
        store = Logs.session(30);
        snapshots = new StoredSnapshots();
        snapshots.store(StoredSnapshots.at(store, 20));
        return store;
    }

    @Test
    void twoObserversOverTheSameLogAnswerByteIdenticalBodiesAndTags() {
        InMemoryStore store = storeWithSnapshot();
        try (ObserverServer one = start(store, snapshots, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES);
             ObserverServer two = start(store, snapshots, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)) {
            Client a = new Client(one.port());
            Client b = new Client(two.port());
            a.get(V1 + "/ledger");
            for (String path : EVERY_RESOURCE) {
                HttpResponse<String> first = a.get(path);
                HttpResponse<String> second = b.get(path);
                assertThat(first.statusCode()).as(path).isEqualTo(200);
                assertThat(second.body()).as(path).isEqualTo(first.body());
                assertThat(second.headers().firstValue("ETag")).as(path).isEqualTo(first.headers().firstValue("ETag"));
            }
        }
    }

    @Test
    void headAnswersTheHeadersOfGetWithoutABody() {
        InMemoryStore store = storeWithSnapshot();
        try (ObserverServer server = start(store, snapshots, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)) {
            Client client = new Client(server.port());
            for (String path : EVERY_RESOURCE) {
                HttpResponse<String> get = client.get(path);
                HttpResponse<String> head = client.send("HEAD", path);
                assertThat(head.statusCode()).as(path).isEqualTo(200);
                assertThat(head.body()).as(path).isEmpty();
                assertThat(head.headers().firstValue("ETag")).as(path).isEqualTo(get.headers().firstValue("ETag"));
                assertThat(head.headers().firstValue("Content-Length")).as(path)
                        .contains(String.valueOf(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
                assertThat(head.headers().firstValue("Link")).as(path).isEqualTo(get.headers().firstValue("Link"));
            }
        }
    }

    @Test
    void aMatchingIfNoneMatchIs304UntilTheLogGrows() {
        InMemoryStore store = Logs.session(5);
        try (ObserverServer server = start(store, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)) {
            Client client = new Client(server.port());
            String etag = client.get(V1 + "/audit/summary").headers().firstValue("ETag").orElseThrow();

            HttpResponse<String> unchanged = client.get(V1 + "/audit/summary", "If-None-Match", etag);
            store.append(Logs.batch(6));
            HttpResponse<String> grown = client.get(V1 + "/audit/summary", "If-None-Match", etag);

            assertThat(etag).matches("\"[0-9a-f]{40}\"");
            assertThat(unchanged.statusCode()).isEqualTo(304);
            assertThat(unchanged.body()).isEmpty();
            assertThat(grown.statusCode()).isEqualTo(200);
            assertThat(grown.headers().firstValue("ETag")).isNotEqualTo(etag);
        }
    }

    @Test
    void theEtagDependsOnTheResponseSizeLimit() {
        InMemoryStore store = Logs.session(5);
        try (ObserverServer small = start(store, ObserverSettings.MIN_RESPONSE_BYTES);
             ObserverServer large = start(store, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)) {
            assertThat(new Client(small.port()).get(V1 + "/audit/events").headers().firstValue("ETag"))
                    .isNotEqualTo(new Client(large.port()).get(V1 + "/audit/events").headers().firstValue("ETag"));
        }
    }

    @Test
    void stateIsBroughtUpToDateOnRequestFromWhatWasAppended() {
        InMemoryStore store = Logs.session(10);
        try (ObserverServer server = start(store, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)) {
            Client client = new Client(server.port());
            client.json(V1 + "/ledger");
            for (int i = 11; i <= 20; i++) {
                store.append(Logs.batch(i));
            }

            JsonObject ledger = client.json(V1 + "/ledger");
            JsonObject integrity = client.json(V1 + "/audit/integrity");

            var replayed = new Replay(store, store, w -> { }).toHead();
            assertThat(ledger.getJsonNumber("seq").longValue()).isEqualTo(store.head().seq());
            assertThat(ledger.getString("cash")).isEqualTo(replayed.state().ledger().cash().toPlainString());
            assertThat(integrity.getJsonNumber("verifiedSeq").longValue()).isEqualTo(store.head().seq());
        }
    }

    @Test
    void snapshotsShowMetadataAndWhetherEachIsValid() {
        InMemoryStore store = storeWithSnapshot();
        snapshots.store(StoredSnapshots.at(store, 25));
        snapshots.damage(25);
        InMemoryStore otherLog = Logs.session(3);
        otherLog.append(Logs.batch(9));
        otherLog.append(Logs.batch(10));
        snapshots.store(StoredSnapshots.at(otherLog, otherLog.head().seq()));
        try (ObserverServer server = start(store, snapshots, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)) {
            Client client = new Client(server.port());

            JsonObject list = client.json(V1 + "/snapshots");
            JsonObject good = client.json(V1 + "/snapshots/20");
            JsonObject bad = client.json(V1 + "/snapshots/25");

            JsonObject foreign = client.json(V1 + "/snapshots/" + otherLog.head().seq());

            assertThat(ObserverServerTest.seqs(list)).containsExactly(otherLog.head().seq(), 20L, 25L);
            assertThat(foreign.getBoolean("valid")).isFalse();
            assertThat(foreign.getString("problem")).contains("another log");
            assertThat(good.getBoolean("valid")).isTrue();
            assertThat(good.getString("chainHash")).isEqualTo(store.read(20).orElseThrow().hash());
            assertThat(good.getString("checksum")).hasSize(64);
            assertThat(good.getJsonNumber("sizeBytes").longValue()).isPositive();
            assertThat(good.isNull("problem")).isTrue();
            assertThat(bad.getBoolean("valid")).isFalse();
            assertThat(bad.getString("problem")).isNotBlank();
            assertThat(client.json(V1 + "/ledger?at=27").getString("cash"))
                    .isEqualTo(new Replay(store, snapshots, w -> { }).to(27).state().ledger().cash().toPlainString());
        }
    }

    @Test
    void aPageThatWouldExceedTheSizeLimitIsCutShortAndContinuesWhereItStopped() {
        InMemoryStore store = Logs.session(400);
        try (ObserverServer server = start(store, ObserverSettings.MIN_RESPONSE_BYTES)) {
            Client client = new Client(server.port());

            HttpResponse<String> response = client.get(V1 + "/audit/events?limit=1000");
            JsonObject page = Client.parse(response.body());
            List<Long> seqs = ObserverServerTest.seqs(page);

            assertThat(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo((int) ObserverSettings.MIN_RESPONSE_BYTES);
            assertThat(page.getBoolean("truncated")).isTrue();
            assertThat(seqs.size()).isLessThan(1000);
            assertThat(page.getString("next")).isEqualTo(V1 + "/audit/events?after=" + seqs.getLast() + "&limit=1000");
            assertThat(ObserverServerTest.seqs(client.json(page.getString("next"))).getFirst())
                    .isEqualTo(seqs.getLast() + 1);
        }
    }

    @Test
    void walkingEveryPageReturnsExactlyTheLogForRandomPageSizesAndSizeLimits() {
        InMemoryStore store = Logs.session(600);
        List<String> log = new ArrayList<>();
        for (long seq = 1; seq <= store.head().seq(); seq++) {
            log.add(seq + " " + store.read(seq).orElseThrow().hash());
        }
        Random random = new Random(20261124L);
        for (int round = 0; round < 4; round++) {
            long maxBytes = ObserverSettings.MIN_RESPONSE_BYTES + random.nextInt(200_000);
            try (ObserverServer server = start(store, maxBytes)) {
                Client client = new Client(server.port());
                List<String> walked = new ArrayList<>();
                String next = V1 + "/audit/events?limit=" + (1 + random.nextInt(1000));
                while (next != null) {
                    HttpResponse<String> response = client.get(next);
                    assertThat(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                            .isLessThanOrEqualTo((int) maxBytes);
                    JsonObject page = Client.parse(response.body());
                    page.getJsonArray("items").forEach(item -> walked.add(
                            item.asJsonObject().getJsonNumber("seq").longValue() + " "
                                    + item.asJsonObject().getString("hash")));
                    next = page.isNull("next") ? null : page.getString("next");
                    if (next == null) {
                        assertThat(page.getBoolean("truncated")).isFalse();
                    }
                }
                assertThat(walked).as("round %d, max %d bytes", round, maxBytes).isEqualTo(log);
            }
        }
    }

    @Test
    void aClientPagingWhileAWriterAppendsSeesNoGapDuplicateOrTornRecord() throws Exception {
        InMemoryStore store = Logs.session(50);
        int batches = 300;
        long finalHead;
        try (ObserverServer server = start(store, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)) {
            Client client = new Client(server.port());
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 51; i < 51 + batches; i++) {
                    store.append(Logs.batch(i));
                }
            });
            List<Long> seen = new ArrayList<>();
            long after = 0;
            while (!writer.isDone() || after < store.head().seq()) {
                JsonObject page = client.json(V1 + "/audit/events?after=" + after + "&limit=7");
                for (var item : page.getJsonArray("items")) {
                    JsonObject event = item.asJsonObject();
                    long seq = event.getJsonNumber("seq").longValue();
                    assertThat(event.getString("hash")).isEqualTo(store.read(seq).orElseThrow().hash());
                    seen.add(seq);
                    after = seq;
                }
            }
            writer.get();
            finalHead = store.head().seq();
            assertThat(seen).hasSize((int) finalHead);
            for (int i = 0; i < seen.size(); i++) {
                assertThat(seen.get(i)).isEqualTo(i + 1L);
            }
        }
    }

    @Test
    void anItemTooLargeForAnyPageIsShownByReference() {
        InMemoryStore store = new InMemoryStore();
        store.append(Logs.sessionStarted());
        store.append(Logs.batch(1));
        var big = new dev.paperplane.domain.audit.DecisionRecorded(store.read(2).orElseThrow().event().time(),
                "ma-fast", 1, "ACME", dev.paperplane.domain.decision.Action.BUY, Logs.config().initialCash(),
                "x".repeat(70_000), new java.util.TreeMap<>());
        store.append(big);
        try (ObserverServer server = start(store, ObserverSettings.MIN_RESPONSE_BYTES)) {
            Client client = new Client(server.port());

            JsonObject page = client.json(V1 + "/audit/events?after=2");
            JsonObject single = client.json(V1 + "/audit/events/3");

            JsonObject item = page.getJsonArray("items").getJsonObject(0);
            assertThat(item.getBoolean("omitted")).isTrue();
            assertThat(item.getJsonNumber("seq").longValue()).isEqualTo(3);
            assertThat(item.getString("href")).isEqualTo(V1 + "/audit/events/3");
            assertThat(single.getBoolean("omitted")).isTrue();
        }
    }

    @Test
    void theObserverModuleCannotReachAnyWritePortOrThePersistenceAdapter() throws IOException {
        ModuleDescriptor observer = descriptor(Path.of("target/classes/module-info.class"));
        ModuleDescriptor application = descriptor(Path.of("../application/target/classes/module-info.class"));

        Set<String> requires = observer.requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());
        assertThat(requires).contains("dev.paperplane.application", "io.helidon.webserver",
                "io.helidon.http.media.jsonb", "io.helidon.webserver.observe.health")
                .doesNotContain("dev.paperplane.adapters.persistence", "dev.paperplane.bootstrap");
        for (ModuleDescriptor.Exports export : application.exports()) {
            if (Set.of("dev.paperplane.application.audit.append", "dev.paperplane.application.snapshot.store",
                    "dev.paperplane.application.session").contains(export.source())) {
                assertThat(export.targets()).as(export.source()).doesNotContain("dev.paperplane.adapters.observer")
                        .isNotEmpty();
            }
        }
        assertThat(application.exports().stream().map(ModuleDescriptor.Exports::source))
                .contains("dev.paperplane.application.observe");
    }

    @Test
    void servingEveryResourceLeavesTheStoreAsItWasAndItsWriterFree() {
        InMemoryStore store = storeWithSnapshot();
        var headBefore = store.head();
        var storageBefore = store.storage();
        var snapshotsBefore = snapshots.list();
        try (ObserverServer server = start(store, snapshots, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)) {
            Client client = new Client(server.port());
            for (String path : EVERY_RESOURCE) {
                client.get(path);
                client.send("HEAD", path);
                client.send("POST", path);
                client.send("DELETE", path);
            }
        }
        assertThat(store.head()).isEqualTo(headBefore);
        assertThat(store.storage()).isEqualTo(storageBefore);
        assertThat(snapshots.list()).isEqualTo(snapshotsBefore);
        assertThat(store.list()).isEmpty();
    }

    private static ModuleDescriptor descriptor(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return ModuleDescriptor.read(in);
        }
    }
}
