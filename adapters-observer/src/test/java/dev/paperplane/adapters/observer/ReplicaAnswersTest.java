package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.AuditStorage;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ReadCancelledException;
import dev.paperplane.application.audit.Replica;
import dev.paperplane.application.audit.StoredLine;
import dev.paperplane.application.contract.InMemoryStore;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What an observer on a read replica answers: its replica status in the metrics and readiness, and a read the store
 * cancels (a hot standby's recovery conflict) as a counted 503 with Retry-After, never a 500, after which the next
 * request answers exactly as if nothing had been cancelled. The real standby's cancellation is tested in bootstrap's
 * StandbyObserverTest; here the port cancels on demand, at the head or in the middle of a stream.
 */
class ReplicaAnswersTest {
    private static final String V1 = "/observer/v1";

    /** The sample session on a replica that cancels the reads it is told to. */
    private static final class CancellingReplica implements AuditReadPort {
        private final InMemoryStore store = Logs.session(40);
        private Replica replica = new Replica(true, Optional.of(Duration.ofMillis(2500)));
        private boolean cancelHead;
        private long cancelStreamAt = -1;

        @Override
        public synchronized ChainHead head() {
            if (cancelHead) {
                cancelHead = false;
                throw cancelled();
            }
            return store.head();
        }

        @Override
        public Optional<AuditRecord> read(long seq) {
            return store.read(seq);
        }

        @Override
        public synchronized Stream<AuditRecord> readAfter(long afterSeq) {
            long at = cancelStreamAt;
            cancelStreamAt = -1;
            return store.readAfter(afterSeq).peek(r -> {
                if (r.seq() == at) {
                    throw cancelled();
                }
            });
        }

        @Override
        public Stream<StoredLine> linesAfter(long afterSeq) {
            return store.linesAfter(afterSeq);
        }

        @Override
        public AuditStorage storage() {
            return store.storage();
        }

        @Override
        public synchronized Replica replica() {
            return replica;
        }

        private static ReadCancelledException cancelled() {
            return new ReadCancelledException("cannot read records: the standby cancelled the query (ERROR: "
                    + "canceling statement due to conflict with recovery)", null);
        }
    }

    private static ObserverServer start(AuditReadPort log) {
        return ObserverServer.start(ObserverSettings.defaults("t").withPort(0), log, new StoredSnapshots());
    }

    private static void assertCancelled(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.headers().firstValue("Content-Type")).contains(Problems.MEDIA_TYPE);
        JsonObject problem = Client.parse(response.body());
        assertThat(problem.getString("type")).isEqualTo("urn:paperplane:problem:read-cancelled");
        assertThat(problem.getString("detail")).contains("hot standby").contains("Retry-After")
                .doesNotContain("conflict with recovery");
    }

    @Test
    void aReadCancelledAtTheHeadIsA503WithRetryAfterAndTheNextRequestAnswersAsBefore() {
        CancellingReplica log = new CancellingReplica();
        try (ObserverServer server = start(log)) {
            Client client = new Client(server.port());
            HttpResponse<String> before = client.get(V1 + "/audit/events?limit=7");

            log.cancelHead = true;
            assertCancelled(client.get(V1 + "/audit/events?limit=7"));
            HttpResponse<String> after = client.get(V1 + "/audit/events?limit=7");

            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).isEqualTo(before.body());
            assertThat(after.headers().firstValue("ETag")).isEqualTo(before.headers().firstValue("ETag"));
        }
    }

    @Test
    void aCatchUpCancelledMidwayResumesOnTheNextRequestWithTheUninterruptedAnswer() {
        CancellingReplica log = new CancellingReplica();
        String uninterrupted;
        try (ObserverServer server = start(new CancellingReplica())) {
            uninterrupted = new Client(server.port()).get(V1 + "/audit/summary").body();
        }
        try (ObserverServer server = start(log)) {
            Client client = new Client(server.port());
            log.cancelStreamAt = 23;
            assertCancelled(client.get(V1 + "/audit/summary"));
            HttpResponse<String> resumed = client.get(V1 + "/audit/summary");

            assertThat(resumed.statusCode()).isEqualTo(200);
            assertThat(resumed.body()).isEqualTo(uninterrupted);
        }
    }

    @Test
    void aPageCancelledWhileItIsRenderedIsA503NotA500() {
        CancellingReplica log = new CancellingReplica();
        try (ObserverServer server = start(log)) {
            Client client = new Client(server.port());
            log.cancelStreamAt = 5;
            assertCancelled(client.get(V1 + "/audit/events?limit=10"));
            assertThat(client.get(V1 + "/audit/events?limit=10").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void everyCancelledReadIsCountedAndTheReplicaShowsInMetricsAndReadiness() {
        CancellingReplica log = new CancellingReplica();
        try (ObserverServer server = start(log)) {
            Client client = new Client(server.port());
            Exposition none = Exposition.parse(client.get("/observe/metrics").body());
            log.cancelHead = true;
            client.get(V1 + "/runtime");
            log.cancelStreamAt = 3;
            client.get(V1 + "/ledger/fills");
            Exposition two = Exposition.parse(client.get("/observe/metrics").body());
            JsonObject ready = client.json("/observe/health/ready");

            assertThat(none.value("paperplane_store_cancelled_reads_total")).isZero();
            assertThat(two.value("paperplane_store_cancelled_reads_total")).isEqualTo(2);
            assertThat(two.value("paperplane_store_standby")).isEqualTo(1);
            assertThat(two.value("paperplane_store_replay_lag_seconds")).isEqualTo(2.5);
            JsonObject details = ready.getJsonArray("checks").getJsonObject(0).getJsonObject("data");
            assertThat(details.getBoolean("standby")).isTrue();
            assertThat(details.getJsonNumber("replayLagSeconds").doubleValue()).isEqualTo(2.5);
        }
    }

    @Test
    void aStoreThatIsNoReplicaShowsZeroAndAnUnknownLagIsNaNInMetricsAndLeftOutOfReadiness() {
        CancellingReplica log = new CancellingReplica();
        try (ObserverServer server = start(log)) {
            Client client = new Client(server.port());
            log.replica = Replica.NONE;
            Exposition primary = Exposition.parse(client.get("/observe/metrics").body());
            log.replica = new Replica(true, Optional.empty());
            Exposition unknown = Exposition.parse(client.get("/observe/metrics").body());
            JsonObject details = client.json("/observe/health/ready").getJsonArray("checks").getJsonObject(0)
                    .getJsonObject("data");

            assertThat(primary.value("paperplane_store_standby")).isZero();
            assertThat(primary.value("paperplane_store_replay_lag_seconds")).isZero();
            assertThat(unknown.value("paperplane_store_replay_lag_seconds")).isNaN();
            assertThat(details.containsKey("replayLagSeconds")).isFalse();
            assertThat(details.getBoolean("standby")).isTrue();
        }
    }
}
