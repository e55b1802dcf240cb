package dev.paperplane.application.session;

import static dev.paperplane.application.session.SessionFixtures.FEED;
import static dev.paperplane.application.session.SessionFixtures.bars;
import static dev.paperplane.application.session.SessionFixtures.config;
import static dev.paperplane.application.session.SessionFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.audit.append.EncodedRecord;
import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.market.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SessionBatchesTest {

    private static final List<Bar> BARS = bars(80);

    @Test
    void theRuntimeBeginsAnAppendExactlyAtTheRecordsSessionBatchesNamesOverTwoSessions() {
        InMemoryStore store = new InMemoryStore();
        List<Long> appendStarts = new ArrayList<>();

        run(store, BARS.subList(0, 90), appendStarts);
        run(store, BARS, appendStarts);

        List<Long> batchStarts = new ArrayList<>();
        AuditEvent previous = null;
        for (AuditRecord record : log(store)) {
            if (SessionBatches.startsBatch(previous, record.event())) {
                batchStarts.add(record.seq());
            }
            previous = record.event();
        }
        assertThat(log(store).stream().filter(r -> r.event() instanceof SessionStarted)).hasSize(2);
        assertThat(batchStarts).hasSizeGreaterThan(BARS.size()).isEqualTo(appendStarts);
    }

    @Test
    void aBarsObservationAfterSessionStartedContinuesTheBatchItLeads() {
        List<AuditRecord> log = log(runOnce());
        AuditRecord started = log.get(0);
        AuditRecord observed = log.get(1);

        assertThat(observed.event()).isInstanceOf(MarketBarObserved.class);
        assertThat(SessionBatches.startsBatch(null, started.event())).isTrue();
        assertThat(SessionBatches.startsBatch(started.event(), observed.event())).isFalse();
    }

    @Test
    void aBarsDecisionsAndOutcomesNeverBeginABatch() {
        List<AuditRecord> log = log(runOnce());
        AuditRecord decision = log.stream().filter(r -> r.event() instanceof DecisionRecorded).findFirst().orElseThrow();

        assertThat(SessionBatches.startsBatch(log.get((int) decision.seq() - 2).event(), decision.event())).isFalse();
    }

    private static InMemoryStore runOnce() {
        InMemoryStore store = new InMemoryStore();
        run(store, BARS.subList(0, 20), new ArrayList<>());
        return store;
    }

    /** Runs a session of {@code bars}, noting the first seq of every append the runtime makes. */
    private static void run(InMemoryStore store, List<Bar> bars, List<Long> appendStarts) {
        InitializeRuntime initialize = new InitializeRuntime(store, store, warning -> { });
        ReplayedState start = initialize.initialize(config());
        try (InMemoryStore.Writer writer = store.openWriter()) {
            AuditAppendPort noting = new AuditAppendPort() {
                @Override
                public ChainHead head() {
                    return writer.head();
                }

                @Override
                public void appendGroup(List<List<EncodedRecord>> batches) {
                    batches.forEach(batch -> appendStarts.add(batch.getFirst().seq()));
                    writer.appendGroup(batches);
                }

                @Override
                public void close() {
                    writer.close();
                }
            };
            new RunPaperSession(noting, writer, 1_000).run(start, initialize.unfinishedBatch(start), config(), FEED,
                    source(bars));
        }
    }

    private static List<AuditRecord> log(InMemoryStore store) {
        try (Stream<AuditRecord> records = store.readAfter(0)) {
            return records.toList();
        }
    }
}
