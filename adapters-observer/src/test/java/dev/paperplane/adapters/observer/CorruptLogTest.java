package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.AuditStorage;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.StoredLine;
import dev.paperplane.application.contract.InMemoryStore;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A log that fails verification: integrity names the first bad seq, readiness goes down, nothing answers 500. */
class CorruptLogTest {
    private static final String V1 = "/observer/v1";

    /** The sample session, except that reading past seq 4 fails verification at seq 5. */
    private static final class BreaksAtFive implements AuditReadPort {
        private final InMemoryStore store = Logs.session(10);

        @Override
        public ChainHead head() {
            return store.head();
        }

        @Override
        public Optional<AuditRecord> read(long seq) {
            if (seq >= 5) {
                throw corruption();
            }
            return store.read(seq);
        }

        @Override
        public Stream<AuditRecord> readAfter(long afterSeq) {
            return store.readAfter(afterSeq).peek(r -> {
                if (r.seq() == 5) {
                    throw corruption();
                }
            });
        }

        @Override
        public Stream<StoredLine> linesAfter(long afterSeq) {
            return store.linesAfter(afterSeq).peek(line -> {
                if (line.seq() == 5) {
                    throw corruption();
                }
            });
        }

        @Override
        public AuditStorage storage() {
            return store.storage();
        }

        private static AuditCorruptionException corruption() {
            return new AuditCorruptionException(5, "segment-00000000000000000001.jsonl", 812, "chain hash mismatch");
        }
    }

    @Test
    void integrityNamesTheFirstBadSeqAndReadinessIsDown() {
        BreaksAtFive log = new BreaksAtFive();
        try (ObserverServer server = ObserverServer.start(ObserverSettings.defaults("t").withPort(0), log,
                new StoredSnapshots())) {
            Client client = new Client(server.port());

            JsonObject integrity = client.json(V1 + "/audit/integrity");
            HttpResponse<String> ready = client.get("/observe/health/ready");

            assertThat(integrity.getBoolean("intact")).isFalse();
            assertThat(integrity.getJsonNumber("firstBadSeq").longValue()).isEqualTo(5);
            assertThat(integrity.getJsonNumber("verifiedSeq").longValue()).isEqualTo(4);
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(client.get("/observe/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void recordsBeforeTheBreakAreServedAndReadingIntoItIs503() {
        BreaksAtFive log = new BreaksAtFive();
        try (ObserverServer server = ObserverServer.start(ObserverSettings.defaults("t").withPort(0), log,
                new StoredSnapshots())) {
            Client client = new Client(server.port());

            JsonObject before = client.json(V1 + "/audit/events?limit=3");
            HttpResponse<String> into = client.get(V1 + "/audit/events?after=3");
            HttpResponse<String> ledger = client.get(V1 + "/ledger");

            assertThat(ObserverServerTest.seqs(before)).containsExactly(1L, 2L, 3L);
            assertThat(into.statusCode()).isEqualTo(503);
            assertThat(Client.parse(into.body()).getString("detail")).contains("seq 5");
            assertThat(ledger.statusCode()).isEqualTo(503);
            assertThat(ledger.headers().firstValue("Content-Type")).contains(Problems.MEDIA_TYPE);
        }
    }

    @Test
    void metricsShowTheChainBrokenAndWhereVerificationStopped() {
        BreaksAtFive log = new BreaksAtFive();
        try (ObserverServer server = ObserverServer.start(ObserverSettings.defaults("t").withPort(0), log,
                new StoredSnapshots())) {
            Exposition metrics = Exposition.parse(new Client(server.port()).get("/observe/metrics").body());

            assertThat(metrics.value("paperplane_audit_chain_intact")).isZero();
            assertThat(metrics.value("paperplane_audit_verified_seq")).isEqualTo(4);
            assertThat(metrics.value("paperplane_audit_head_seq")).isEqualTo(log.head().seq());
        }
    }
}
