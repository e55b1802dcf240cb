package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.replay.Replay;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.domain.num.Decimals;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint of a running observer over a fixed session log. */
class ObserverServerTest {
    private static final String V1 = "/observer/v1";
    private static InMemoryStore store;
    private static ObserverServer server;
    private static Client client;

    @BeforeAll
    static void start() {
        store = Logs.session(40);
        server = ObserverServer.start(new ObserverSettings("127.0.0.1", 0, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES,
                "test-1"), store, store);
        client = new Client(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void runtimeShowsTheConfigurationOfTheLatestSessionStartTheHeadItIsFromAndTheObserversLimits() {
        JsonObject runtime = client.json(V1 + "/runtime");
        JsonObject integrity = client.json(V1 + "/audit/integrity");

        JsonObject session = runtime.getJsonObject("session");
        assertThat(session.getJsonNumber("seq").longValue()).isEqualTo(1);
        assertThat(session.getJsonObject("config").getString("plane")).isEqualTo("PAPER");
        assertThat(session.getJsonObject("config").getString("initialCash")).isEqualTo("10000.00000000");
        assertThat(session.getJsonObject("config").getJsonArray("strategies")).hasSize(2);
        assertThat(session.getJsonObject("config").getJsonObject("fees").getInt("feeBps")).isEqualTo(10);
        assertThat(session.getJsonObject("feed").getString("name")).isEqualTo("bars.csv");
        assertThat(session.getString("fingerprint")).hasSize(64);
        JsonObject head = runtime.getJsonObject("head");
        assertThat(head.getJsonNumber("seq").longValue()).isEqualTo(integrity.getJsonNumber("verifiedSeq")
                .longValue()).isPositive();
        assertThat(head.getString("hash")).isEqualTo(integrity.getString("verifiedHash")).hasSize(64);
        JsonObject observer = runtime.getJsonObject("observer");
        assertThat(observer.getString("version")).isEqualTo("test-1");
        assertThat(observer.getInt("maxLimit")).isEqualTo(1000);
        assertThat(observer.getJsonNumber("maxResponseBytes").longValue()).isEqualTo(1L << 20);
    }

    @Test
    void eventsArePersistedRecordsWithTheirCanonicalPayloadAndHash() {
        JsonObject page = client.json(V1 + "/audit/events?limit=3");

        JsonArray items = page.getJsonArray("items");
        assertThat(items).hasSize(3);
        for (int i = 0; i < 3; i++) {
            AuditRecord record = store.read(i + 1).orElseThrow();
            JsonObject item = items.getJsonObject(i);
            assertThat(item.getJsonNumber("seq").longValue()).isEqualTo(record.seq());
            assertThat(item.getString("type")).isEqualTo(record.event().type());
            assertThat(item.getString("time")).isEqualTo(record.event().time().toString());
            assertThat(item.getString("hash")).isEqualTo(record.hash());
            assertThat(item.getJsonObject("payload").toString()).isEqualTo(AuditCodec.payloadJson(record.event()));
        }
    }

    @Test
    void aPageLinksToTheNextPageByTheLastSeqReturned() {
        HttpResponse<String> response = client.get(V1 + "/audit/events?after=2&limit=5");

        JsonObject page = Client.parse(response.body());
        assertThat(seqs(page)).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(page.getString("next")).isEqualTo(V1 + "/audit/events?after=7&limit=5");
        assertThat(page.getBoolean("truncated")).isFalse();
        assertThat(response.headers().firstValue("Link"))
                .contains("<" + V1 + "/audit/events?after=7&limit=5>; rel=\"next\"");
    }

    @Test
    void theLastPageHasNoNextAndNoLink() {
        long head = store.head().seq();
        HttpResponse<String> response = client.get(V1 + "/audit/events?after=" + (head - 2) + "&limit=2");

        JsonObject page = Client.parse(response.body());
        assertThat(seqs(page)).containsExactly(head - 1, head);
        assertThat(page.isNull("next")).isTrue();
        assertThat(response.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void theDefaultPageSizeIsOneHundred() {
        JsonObject page = client.json(V1 + "/audit/events");

        assertThat(page.getInt("limit")).isEqualTo(100);
        assertThat(page.getJsonArray("items")).hasSize((int) Math.min(100, store.head().seq()));
    }

    @Test
    void eventsCanBeFilteredByTypeAndTheFilterIsKeptInNext() {
        JsonObject page = client.json(V1 + "/audit/events?type=PaperOrderFilled&limit=2");

        assertThat(page.getJsonArray("items")).allSatisfy(
                item -> assertThat(item.asJsonObject().getString("type")).isEqualTo("PaperOrderFilled"));
        assertThat(page.getString("next")).endsWith("&limit=2&type=PaperOrderFilled");
    }

    @Test
    void oneEventIsServedBySeq() {
        JsonObject event = client.json(V1 + "/audit/events/2");

        assertThat(event.getJsonNumber("seq").longValue()).isEqualTo(2);
        assertThat(event.getString("hash")).isEqualTo(store.read(2).orElseThrow().hash());
    }

    @Test
    void theSummaryCountsEveryTypeAndNamesTheHead() {
        JsonObject summary = client.json(V1 + "/audit/summary");

        long head = store.head().seq();
        assertThat(summary.getJsonNumber("records").longValue()).isEqualTo(head);
        assertThat(summary.getJsonNumber("firstSeq").longValue()).isEqualTo(1);
        assertThat(summary.getJsonNumber("lastSeq").longValue()).isEqualTo(head);
        assertThat(summary.getString("headHash")).isEqualTo(store.head().hash());
        assertThat(summary.getJsonObject("countsByType").getJsonNumber("MarketBarObserved").longValue()).isEqualTo(40);
        assertThat(summary.getJsonObject("countsByType").getJsonNumber("SessionStarted").longValue()).isEqualTo(1);
        assertThat(summary.getJsonNumber("bytes").longValue()).isEqualTo(store.storage().bytes());
        assertThat(summary.getInt("segments")).isEqualTo(store.storage().segments());
        assertThat(summary.getString("firstTime")).isEqualTo("2024-01-02T09:30:00Z");
    }

    @Test
    void integrityReportsTheWholeChainVerified() {
        JsonObject integrity = client.json(V1 + "/audit/integrity");

        assertThat(integrity.getBoolean("intact")).isTrue();
        assertThat(integrity.getJsonNumber("verifiedSeq").longValue()).isEqualTo(store.head().seq());
        assertThat(integrity.getString("verifiedHash")).isEqualTo(store.head().hash());
        assertThat(integrity.isNull("firstBadSeq")).isTrue();
    }

    @Test
    void decisionsArePagedAndFilteredByStrategyAndInstrument() {
        JsonObject all = client.json(V1 + "/decisions?limit=1000");
        JsonObject buys = client.json(V1 + "/decisions?strategy=ma-fast&instrument=ACME&limit=3");

        assertThat(all.getJsonArray("items")).hasSize(8 + 4);
        assertThat(buys.getJsonArray("items")).hasSize(3).allSatisfy(item -> {
            assertThat(item.asJsonObject().getString("strategyId")).isEqualTo("ma-fast");
            assertThat(item.asJsonObject().getString("action")).isEqualTo("BUY");
            assertThat(item.asJsonObject().getString("quantity")).isEqualTo("2.00000000");
        });
        assertThat(buys.getString("next")).endsWith("&limit=3&instrument=ACME&strategy=ma-fast");
    }

    @Test
    void theDecisionSummaryCountsPerStrategyInstrumentAndAction() {
        JsonObject summary = client.json(V1 + "/decisions/summary");

        assertThat(summary.getJsonNumber("total").longValue()).isEqualTo(12);
        assertThat(summary.getJsonObject("byAction").getJsonNumber("BUY").longValue()).isEqualTo(8);
        assertThat(summary.getJsonObject("byAction").getJsonNumber("SELL").longValue()).isEqualTo(4);
        assertThat(summary.getJsonObject("byStrategy").getJsonObject("breakout").getInt("sells")).isEqualTo(4);
        assertThat(summary.getJsonObject("byInstrument").getJsonObject("ACME").getInt("total")).isEqualTo(12);
        assertThat(summary.getJsonArray("tracks")).hasSize(2);
    }

    @Test
    void theLedgerAtTheHeadIsTheReplayedShadowLedger() {
        ReplayedState replayed = new Replay(store, store, w -> { }).toHead();

        JsonObject ledger = client.json(V1 + "/ledger");

        assertThat(ledger.getJsonNumber("seq").longValue()).isEqualTo(store.head().seq());
        assertThat(ledger.getString("cash")).isEqualTo(Decimals.format(replayed.state().ledger().cash()));
        assertThat(ledger.getString("equity")).isEqualTo(Decimals.format(replayed.state().ledger().equity()));
        assertThat(ledger.getString("feesPaid")).isEqualTo("1.20000000");
        assertThat(ledger.getJsonObject("positions").getJsonObject("ACME").getString("quantity"))
                .isEqualTo(Decimals.format(replayed.state().ledger().positions().get("ACME").quantity()));
        assertThat(ledger.getJsonObject("marks").getString("ACME")).matches("\\d+\\.\\d{8}");
    }

    @Test
    void theLedgerAtAPastSeqIsTheReplayUpToThatSeq() {
        ReplayedState replayed = new Replay(store, store, w -> { }).to(12);

        JsonObject ledger = client.json(V1 + "/ledger?at=12");
        JsonObject genesis = client.json(V1 + "/ledger?at=0");

        assertThat(ledger.getJsonNumber("seq").longValue()).isEqualTo(12);
        assertThat(ledger.getString("chainHash")).isEqualTo(store.read(12).orElseThrow().hash());
        assertThat(ledger.getString("cash")).isEqualTo(Decimals.format(replayed.state().ledger().cash()));
        assertThat(genesis.getString("cash")).isEqualTo("0.00000000");
        assertThat(genesis.getJsonObject("positions")).isEmpty();
    }

    @Test
    void fillsArePagedInSeqOrder() {
        JsonObject page = client.json(V1 + "/ledger/fills?limit=4");

        assertThat(page.getJsonArray("items")).hasSize(4);
        JsonObject first = page.getJsonArray("items").getJsonObject(0);
        assertThat(first.getString("side")).isEqualTo("BUY");
        assertThat(first.getString("fee")).isEqualTo("0.10000000");
        assertThat(first.getString("notional")).matches("\\d+\\.\\d{8}");
        assertThat(page.getString("next")).startsWith(V1 + "/ledger/fills?after=");
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheRegisteredResourcesWithGetAndHead() {
        JsonObject openApi = client.json(V1 + "/openapi");

        assertThat(openApi.getString("openapi")).isEqualTo("3.1.0");
        JsonObject paths = openApi.getJsonObject("paths");
        Set<String> observerPaths = new TreeSet<>();
        paths.keySet().stream().filter(p -> p.startsWith(V1)).forEach(observerPaths::add);
        assertThat(observerPaths).isEqualTo(new TreeSet<>(ObserverServer.resourcePaths()));
        paths.forEach((path, item) -> assertThat(item.asJsonObject().keySet()).as(path)
                .containsExactlyInAnyOrderElementsOf(path.equals(ObserverMetrics.ENDPOINT)
                        ? List.of("get") : List.of("get", "head")));
        assertThat(paths.keySet()).contains("/observe/health/live", "/observe/health/ready", ObserverMetrics.ENDPOINT);
    }

    @Test
    void theOpenApiDocumentDescribesTheBearerTokenAndLeavesLivenessOpen() {
        JsonObject openApi = client.json(V1 + "/openapi");

        JsonObject scheme = openApi.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("bearerToken");
        assertThat(scheme.getString("type")).isEqualTo("http");
        assertThat(scheme.getString("scheme")).isEqualTo("bearer");
        assertThat(openApi.getJsonArray("security")).hasSize(2);
        JsonObject paths = openApi.getJsonObject("paths");
        assertThat(paths.getJsonObject("/observe/health/live").getJsonObject("get").getJsonArray("security")).isEmpty();
        assertThat(paths.getJsonObject(V1 + "/runtime").getJsonObject("get").getJsonObject("responses")
                .getJsonObject("401").getString("$ref")).isEqualTo("#/components/responses/Unauthorized");
        assertThat(paths.getJsonObject("/observe/health/ready").getJsonObject("get").getJsonObject("responses")
                .keySet()).contains("401");
    }

    @Test
    void everyRegisteredResourceAnswersGetAndHead() {
        for (String path : ObserverServer.resourcePaths()) {
            String concrete = path.replace("{seq}", path.contains("snapshots") ? "999" : "1").replace("{path}", "0/000.p/1")
                    + (path.endsWith("/proofs/inclusion") ? "?seq=1" : path.endsWith("/proofs/consistency") ? "?from=1" : "");
            HttpResponse<String> get = client.get(concrete);
            HttpResponse<String> head = client.send("HEAD", concrete);
            assertThat(get.statusCode()).as(concrete).isIn(200, 404);
            assertThat(get.headers().firstValue("Content-Type").orElseThrow()).as(concrete)
                    .contains(concrete.contains("/log/tile/") ? "octet-stream" : "json");
            assertThat(head.statusCode()).as(concrete).isEqualTo(get.statusCode());
        }
    }

    @Test
    void livenessAndReadinessAreUp() {
        assertThat(client.get("/observe/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = client.get("/observe/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("UP");
    }

    static List<Long> seqs(JsonObject page) {
        List<Long> seqs = new ArrayList<>();
        for (JsonValue item : page.getJsonArray("items")) {
            seqs.add(item.asJsonObject().getJsonNumber("seq").longValue());
        }
        return seqs;
    }
}
