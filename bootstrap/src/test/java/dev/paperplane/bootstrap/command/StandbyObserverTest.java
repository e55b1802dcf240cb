package dev.paperplane.bootstrap.command;

import static dev.paperplane.bootstrap.command.StoreFixtures.BARS;
import static dev.paperplane.bootstrap.command.StoreFixtures.config;
import static dev.paperplane.bootstrap.command.StoreFixtures.feed;
import static dev.paperplane.bootstrap.command.StoreFixtures.head;
import static dev.paperplane.bootstrap.command.StoreFixtures.paperplane;
import static dev.paperplane.bootstrap.command.StoreFixtures.run;
import static dev.paperplane.bootstrap.command.StoreFixtures.snapshots;
import static dev.paperplane.bootstrap.command.StoreFixtures.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.adapters.persistence.postgres.PostgresTarget;
import dev.paperplane.adapters.persistence.postgres.testserver.RecoveryConflict;
import dev.paperplane.adapters.persistence.postgres.testserver.StandbyPair;
import dev.paperplane.adapters.persistence.postgres.testserver.ThrowawayCluster;
import dev.paperplane.bootstrap.store.StoreOpener;
import dev.paperplane.bootstrap.store.StoreTarget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Observers on a real PostgreSQL hot standby: the same answers as on the primary, a cursor moving between them, a
 * writer's appends seen whole, a real recovery conflict answered 503 then rightly, and a promoted standby that a
 * resumed run continues. Every way the observer answers a cancelled read is ReplicaAnswersTest's.
 */
class StandbyObserverTest {
    private static final String BASE = SameAnswers.BASE;
    private static StandbyPair pair;
    private static int schemas;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPrimaryAndStandby() {
        pair = StandbyPair.start();
    }

    @AfterAll
    static void stop() {
        if (pair != null) {
            pair.close();
        }
    }

    private static String freshSchema() {
        return "observed_" + ++schemas;
    }

    /** How a user names the store in {@code schema} of {@code server}. */
    private static String locator(ThrowawayCluster server, String schema) {
        return "postgresql://postgres@127.0.0.1:" + server.port() + "/postgres?schema=" + schema;
    }

    private static StoreTarget.Postgres target(ThrowawayCluster server, String schema) {
        return new StoreTarget.Postgres(new PostgresTarget(server.jdbcUrl(), server.user(), null, schema));
    }

    @Test
    void everyResourceOnTheStandbyIsByteIdenticalToThePrimarysAtTheSameHead() {
        String schema = freshSchema();
        run(locator(pair.primary(), schema), feed(dir, "feed.csv", BARS, 21), config(dir));
        pair.awaitReplay();

        ObserverServer onPrimary = SameAnswers.observer(locator(pair.primary(), schema));
        ObserverServer onStandby = SameAnswers.observer(locator(pair.standby(), schema));
        try {
            SameAnswers.assertEveryResource(onPrimary, onStandby, head(target(pair.primary(), schema)).seq(),
                    snapshots(target(pair.primary(), schema)));
        } finally {
            onPrimary.stop();
            onStandby.stop();
        }
    }

    @Test
    void aCursorFromOneObserverContinuesOnTheOther() {
        String schema = freshSchema();
        run(locator(pair.primary(), schema), feed(dir, "feed.csv", BARS, 22), config(dir));
        pair.awaitReplay();

        ObserverServer onPrimary = SameAnswers.observer(locator(pair.primary(), schema));
        ObserverServer onStandby = SameAnswers.observer(locator(pair.standby(), schema));
        try {
            List<String> alternating = new ArrayList<>();
            List<String> primaryOnly = new ArrayList<>();
            String page = BASE + "/audit/events?limit=97";
            for (int i = 0; page != null; i++) {
                String body = body(SameAnswers.get(i % 2 == 0 ? onPrimary : onStandby, page));
                alternating.add(body);
                page = SameAnswers.next(body);
            }
            for (page = BASE + "/audit/events?limit=97"; page != null; page = SameAnswers.next(primaryOnly.getLast())) {
                primaryOnly.add(body(SameAnswers.get(onPrimary, page)));
            }
            assertThat(alternating).hasSizeGreaterThan(2).isEqualTo(primaryOnly);
        } finally {
            onPrimary.stop();
            onStandby.stop();
        }
    }

    @Test
    void runOnTheStandbyIsRefusedSayingItNeedsThePrimaryWhileVerifyReadsIt() {
        String schema = freshSchema();
        Path feed = feed(dir, "feed.csv", 40, 23);
        run(locator(pair.primary(), schema), feed, config(dir));
        pair.awaitReplay();

        StoreFixtures.Outcome refused = paperplane("run", "--store", locator(pair.standby(), schema), "--feed",
                feed.toString(), "--config", config(dir).toString());
        StoreFixtures.Outcome verified = succeeds("verify", "--store", locator(pair.standby(), schema));
        StoreFixtures.Outcome throughBoth = succeeds("run", "--store", "postgresql://postgres@127.0.0.1:"
                + pair.standby().port() + ",127.0.0.1:" + pair.primary().port() + "/postgres?schema=" + schema
                + "&targetServerType=primary", "--feed", feed.toString(), "--config", config(dir).toString());

        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("is a hot standby").contains("run writes to the primary only")
                .doesNotContain("Exception");
        assertThat(verified.out()).contains("ok: " + head(target(pair.primary(), schema)).seq() + " records");
        assertThat(StoreFixtures.headSeq(throughBoth)).isEqualTo(head(target(pair.primary(), schema)).seq());
    }

    @Test
    void whileAWriterAppendsOnThePrimaryTheStandbysObserverPagesWithoutGapDuplicateOrTornRecord() throws Exception {
        String schema = freshSchema();
        Path config = Files.writeString(dir.resolve("small-groups.yaml"), Files.readString(config(dir))
                .replaceFirst("group-bars: \\d+", "group-bars: 3"));
        assertThat(Files.readString(config)).contains("group-bars: 3");
        run(locator(pair.primary(), schema), feed(dir, "short.csv", 10, 24), config);
        pair.awaitReplay();
        ObserverServer onStandby = SameAnswers.observer(locator(pair.standby(), schema));
        try {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> run(locator(pair.primary(), schema),
                    feed(dir, "long.csv", BARS, 24), config));
            List<String> records = new ArrayList<>();
            long after = 0;
            boolean finished = false;
            while (true) {
                HttpResponse<byte[]> response = SameAnswers.get(onStandby, BASE + "/audit/events?limit=50&after="
                        + after);
                assertThat(response.statusCode()).as("page after %d", after).isEqualTo(200);
                String body = body(response);
                for (String record : records(body)) {
                    long seq = seq(record);
                    assertThat(seq).as("the record after seq %d", after).isEqualTo(after + 1);
                    records.add(record);
                    after = seq;
                }
                if (finished && SameAnswers.next(body) == null) {
                    break;
                }
                if (writing.isDone()) {
                    writing.get();
                    pair.awaitReplay();
                    finished = true;
                }
            }
            ObserverServer onPrimary = SameAnswers.observer(locator(pair.primary(), schema));
            try {
                List<String> primary = new ArrayList<>();
                for (String page = BASE + "/audit/events?limit=50"; page != null; ) {
                    String body = body(SameAnswers.get(onPrimary, page));
                    primary.addAll(records(body));
                    page = SameAnswers.next(body);
                }
                assertThat(records).hasSize(primary.size()).isEqualTo(primary);
                assertThat((long) records.size()).isEqualTo(head(target(pair.primary(), schema)).seq());
            } finally {
                onPrimary.stop();
            }
        } finally {
            onStandby.stop();
        }
    }

    /**
     * A run the primary's failure interrupted left a prefix of the log (here: the first half of an uninterrupted
     * run's records, put there by hand); the standby replayed it and is promoted.
     */
    @Test
    void afterPromotionTheObserverKeepsServingAndAResumedRunEndsByteIdenticalToAnUninterruptedOne() {
        Path feed = feed(dir, "feed.csv", BARS, 26);
        try (StandbyPair failover = StandbyPair.start()) {
            run(locator(failover.primary(), "uninterrupted"), feed, config(dir));
            long half = head(target(failover.primary(), "uninterrupted")).seq() / 2;
            StoreOpener.openWriter(target(failover.primary(), "interrupted"), 1 << 20).close();
            failover.primary().query("INSERT INTO interrupted.records SELECT * FROM uninterrupted.records "
                    + "WHERE seq <= " + half);
            failover.awaitReplay();
            ObserverServer onStandby = SameAnswers.observer(locator(failover.standby(), "interrupted"));
            try {
                String before = body(SameAnswers.get(onStandby, BASE + "/runtime"));
                failover.primary().stop();
                failover.standby().promote();
                String promoted = body(SameAnswers.get(onStandby, BASE + "/runtime"));

                run(locator(failover.standby(), "interrupted"), feed, config(dir));
                String resumed = body(SameAnswers.get(onStandby, BASE + "/runtime"));

                assertThat(runtimeHead(before)).isEqualTo(half);
                assertThat(promoted).isEqualTo(before);
                assertThat(log(failover.standby(), "interrupted")).isEqualTo(log(failover.standby(),
                        "uninterrupted"));
                assertThat(runtimeHead(resumed)).isEqualTo(head(target(failover.standby(), "uninterrupted")).seq());
            } finally {
                onStandby.stop();
            }
        }
    }

    /**
     * A real recovery conflict ({@link RecoveryConflict}, on a standby that cancels at once) cancels the standby
     * observer's catch-up while its query waits for a replayed lock: a counted 503 read-cancelled with Retry-After,
     * then, once replay moved on, the primary's observer's answer byte for byte.
     */
    @Test
    void aRealRecoveryConflictIsA503WithRetryAfterAndTheNextRequestIsThePrimarysAnswer() throws Exception {
        String schema = "conflicted";
        try (StandbyPair conflicting = StandbyPair.start("max_standby_streaming_delay = 0")) {
            run(locator(conflicting.primary(), schema), feed(dir, "short.csv", 10, 27), config(dir));
            conflicting.awaitReplay();
            ObserverServer onStandby = SameAnswers.observer(locator(conflicting.standby(), schema));
            ObserverServer onPrimary = SameAnswers.observer(locator(conflicting.primary(), schema));
            try {
                String summary = BASE + "/audit/summary";
                assertThat(SameAnswers.get(onStandby, summary).statusCode()).isEqualTo(200);
                // the primary moves on: the standby observer's next summary catches up on these records
                run(locator(conflicting.primary(), schema), feed(dir, "long.csv", BARS, 27), config(dir));
                HttpResponse<byte[]> cancelled;
                try (RecoveryConflict conflict = RecoveryConflict.arm(conflicting, "\"" + schema + "\".records",
                        schema)) {
                    CompletableFuture<HttpResponse<byte[]>> blocked = CompletableFuture.supplyAsync(
                            () -> SameAnswers.get(onStandby, summary));
                    if (conflict.awaitWaiting("paperplane reader", blocked::isDone)) {
                        conflict.fire();
                    }
                    cancelled = blocked.get(1, TimeUnit.MINUTES);
                }

                assertThat(cancelled.statusCode()).as(body(cancelled)).isEqualTo(503);
                assertThat(cancelled.headers().firstValue("Retry-After")).contains("1");
                assertThat(body(cancelled)).contains("\"type\":\"urn:paperplane:problem:read-cancelled\"");
                assertThat(cancelledReads(onStandby)).isEqualTo(1);
                String answer = SameAnswers.assertSameAnswer(onPrimary, onStandby, summary);
                assertThat(answer).contains("\"records\":" + head(target(conflicting.primary(), schema)).seq() + ",");
                assertThat(SameAnswers.get(onStandby, summary).statusCode()).isEqualTo(200);
            } finally {
                onStandby.stop();
                onPrimary.stop();
            }
        }
    }

    /** The observer's count of reads the store cancelled, from its metrics. */
    private static long cancelledReads(ObserverServer observer) {
        Matcher count = Pattern.compile("(?m)^paperplane_store_cancelled_reads_total(?:\\{[^}]*})? ([0-9.]+)$")
                .matcher(body(SameAnswers.get(observer, "/observe/metrics")));
        assertThat(count.find()).as("the metrics count cancelled reads").isTrue();
        return (long) Double.parseDouble(count.group(1));
    }

    /** The number of records and the SHA-256 of all their lines in seq order: equal for byte-identical logs. */
    private static String log(ThrowawayCluster server, String schema) {
        return server.query("SELECT count(*) || ' records, sha256 ' || encode(sha256(string_agg(line, ''::bytea "
                + "ORDER BY seq)), 'hex') FROM \"" + schema + "\".records");
    }

    /** The head seq a /runtime body names. */
    private static long runtimeHead(String runtime) {
        Matcher head = Pattern.compile("\"head\":\\{\"hash\":\"[0-9a-f]{64}\",\"seq\":(\\d+)}").matcher(runtime);
        assertThat(head.find()).as("/runtime names its head: %s", runtime).isTrue();
        return Long.parseLong(head.group(1));
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The records of an events page, each as its JSON text. */
    private static List<String> records(String page) {
        try (JsonReader reader = Json.createReader(new StringReader(page))) {
            return reader.readObject().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .map(JsonObject::toString).toList();
        }
    }

    private static long seq(String record) {
        try (JsonReader reader = Json.createReader(new StringReader(record))) {
            return reader.readObject().getJsonNumber("seq").longValueExact();
        }
    }
}
