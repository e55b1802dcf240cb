package dev.paperplane.application.session;

import static dev.paperplane.application.session.SessionFixtures.FEED;
import static dev.paperplane.application.session.SessionFixtures.bars;
import static dev.paperplane.application.session.SessionFixtures.config;
import static dev.paperplane.application.session.SessionFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.market.Bar;
import java.util.ArrayList;
import dev.paperplane.domain.session.RuntimeConfig;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RunPaperSessionTest {

    private static final List<Bar> BARS = bars(150);

    private static SessionSummary run(InMemoryStore store, List<Bar> bars) {
        return run(store, source(bars));
    }

    private static SessionSummary run(InMemoryStore store, Supplier<Optional<Bar>> bars) {
        InitializeRuntime initialize = new InitializeRuntime(store, store, warning -> { });
        ReplayedState start = initialize.initialize(config());
        try (InMemoryStore.Writer writer = store.openWriter()) {
            return new RunPaperSession(writer, writer, 200).run(start, initialize.unfinishedBatch(start), config(), FEED, bars);
        }
    }

    private static List<AuditRecord> log(InMemoryStore store) {
        try (Stream<AuditRecord> records = store.readAfter(0)) {
            return records.toList();
        }
    }

    @Test
    void aSessionIsFramedBySessionStartedAndSessionCompleted() {
        InMemoryStore store = new InMemoryStore();
        run(store, BARS);

        List<AuditRecord> log = log(store);
        assertThat(log.get(0).event()).isInstanceOf(SessionStarted.class);
        assertThat(log.get(log.size() - 1).event()).isInstanceOf(SessionCompleted.class);
        assertThat(log.stream().filter(r -> r.event() instanceof MarketBarObserved)).hasSize(BARS.size());
    }

    @Test
    void theSummaryCountsWhatWasAppended() {
        InMemoryStore store = new InMemoryStore();
        SessionSummary summary = run(store, BARS);

        List<AuditRecord> log = log(store);
        assertThat(summary.barsRead()).isEqualTo(BARS.size());
        assertThat(summary.eventsAppended()).isEqualTo(log.size());
        assertThat(summary.headSeq()).isEqualTo(log.size());
        assertThat(summary.fills()).isEqualTo(log.stream().filter(r -> r.event() instanceof PaperOrderFilled).count());
        assertThat(summary.fills()).isPositive();
    }

    @Test
    void twoRunsIntoFreshStoresAppendTheSameRecords() {
        InMemoryStore first = new InMemoryStore();
        InMemoryStore second = new InMemoryStore();
        run(first, BARS);
        run(second, BARS);

        assertThat(log(second)).isEqualTo(log(first));
    }

    @Test
    void runningTheSameFeedAgainAppendsNothing() {
        InMemoryStore store = new InMemoryStore();
        run(store, BARS);
        long head = store.head().seq();

        SessionSummary again = run(store, BARS);

        assertThat(again.eventsAppended()).isZero();
        assertThat(again.barsSkipped()).isEqualTo(BARS.size());
        assertThat(store.head().seq()).isEqualTo(head);
    }

    @Test
    void aRunInterruptedAfterAnyBarAndRunAgainEndsWithTheLogOfAnUninterruptedRun() {
        InMemoryStore reference = new InMemoryStore();
        run(reference, BARS);
        for (int crashAfter : new int[] {0, 1, 7, 150, 299}) {
            InMemoryStore store = new InMemoryStore();
            assertThatThrownBy(() -> run(store, crashingAfter(crashAfter))).hasMessageContaining("crash");
            run(store, BARS);
            assertThat(log(store)).as("crash after %d bars", crashAfter).isEqualTo(log(reference));
        }
    }

    @Test
    void aRunInterruptedAfterTheLastBarOnlyAddsTheMissingSessionCompleted() {
        InMemoryStore reference = new InMemoryStore();
        run(reference, BARS);
        InMemoryStore store = new InMemoryStore();
        assertThatThrownBy(() -> run(store, crashingAfter(BARS.size()))).hasMessageContaining("crash");

        SessionSummary resumed = run(store, BARS);

        assertThat(resumed.eventsAppended()).isEqualTo(1);
        assertThat(log(store)).isEqualTo(log(reference));
    }

    @Test
    void aFeedExtendedWithLaterBarsContinuesWhereTheLogEndsInANewSession() {
        InMemoryStore store = new InMemoryStore();
        run(store, BARS.subList(0, 100));
        long head = store.head().seq();

        run(store, BARS);

        List<AuditRecord> log = log(store);
        assertThat(log.get((int) head).event()).isInstanceOf(SessionStarted.class);
        assertThat(log.stream().filter(r -> r.event() instanceof MarketBarObserved)).hasSize(BARS.size());
        assertThat(log.stream().filter(r -> r.event() instanceof SessionStarted)).hasSize(2);
    }

    @Test
    void aDifferentConfigurationIsRefusedBeforeAnythingIsWritten() {
        InMemoryStore store = new InMemoryStore();
        run(store, BARS.subList(0, 20));
        long head = store.head().seq();

        assertThatThrownBy(() -> new InitializeRuntime(store, store, w -> { }).initialize(config("0")))
                .isInstanceOf(ConfigMismatchException.class)
                .hasMessageContaining("Nothing was written");
        assertThat(store.head().seq()).isEqualTo(head);
    }

    @Test
    void aConfigurationWhoseSessionStartWouldNotFitATransparencyLogEntryIsRefusedBeforeAnythingIsWritten() {
        RuntimeConfig base = config();
        RuntimeConfig huge = new RuntimeConfig("x".repeat(65_000), base.plane(), base.initialCash(), base.fees(),
                base.risk(), base.strategies());
        InMemoryStore store = new InMemoryStore();
        InitializeRuntime initialize = new InitializeRuntime(store, store, warning -> { });
        ReplayedState start = initialize.initialize(huge);
        try (InMemoryStore.Writer writer = store.openWriter()) {
            assertThatThrownBy(() -> new RunPaperSession(writer, writer, 200).run(start, huge, FEED, source(BARS)))
                    .isInstanceOf(RecordTooLongException.class)
                    .hasMessageContaining("65535 bytes").hasMessageContaining("Nothing was written");
        }
        assertThat(store.head().seq()).isZero();
        assertThat(store.list()).isEmpty();

        RuntimeConfig fits = new RuntimeConfig("x".repeat(64_000), base.plane(), base.initialCash(), base.fees(),
                base.risk(), base.strategies());
        ReplayedState fresh = new InitializeRuntime(store, store, warning -> { }).initialize(fits);
        try (InMemoryStore.Writer writer = store.openWriter()) {
            new RunPaperSession(writer, writer, 200).run(fresh, fits, FEED, source(BARS.subList(0, 3)));
        }
        assertThat(store.read(1).orElseThrow().event()).isInstanceOf(dev.paperplane.domain.audit.SessionStarted.class);
    }

    @Test
    void aSnapshotIsStoredEveryIntervalAndAtTheEnd() {
        InMemoryStore store = new InMemoryStore();
        run(store, BARS);

        assertThat(store.list()).hasSizeGreaterThan(1);
        assertThat(store.list().get(0).seq()).isEqualTo(store.head().seq());
    }

    @Test
    void aSnapshotIntervalBelowOneIsRefused() {
        InMemoryStore store = new InMemoryStore();
        try (InMemoryStore.Writer writer = store.openWriter()) {
            assertThatThrownBy(() -> new RunPaperSession(writer, writer, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Supplier<Optional<Bar>> crashingAfter(int bars) {
        List<Bar> given = new ArrayList<>(BARS.subList(0, bars));
        Supplier<Optional<Bar>> source = source(given);
        return () -> {
            Optional<Bar> next = source.get();
            if (next.isEmpty()) {
                throw new IllegalStateException("simulated crash after " + bars + " bars");
            }
            return next;
        };
    }

    @Test
    void aBatchCutBetweenTwoOfItsRecordsIsCompletedBeforeTheNextBar() {
        InMemoryStore reference = new InMemoryStore();
        run(reference, BARS);
        List<AuditRecord> full = log(reference);
        int cut = -1;
        for (int i = 1; i + 1 < full.size(); i++) {
            if (full.get(i).event() instanceof MarketBarObserved
                    && !(full.get(i + 1).event() instanceof MarketBarObserved)
                    && !(full.get(i + 1).event() instanceof SessionCompleted)) {
                cut = i + 1;
                break;
            }
        }
        assertThat(cut).as("a bar with a decision").isPositive();
        InMemoryStore store = new InMemoryStore();
        store.append(full.subList(0, cut).stream().map(AuditRecord::event).toList());

        ReplayedState start = new InitializeRuntime(store, store, w -> { }).initialize(config());
        List<AuditEvent> missing =
                new InitializeRuntime(store, store, w -> { }).unfinishedBatch(start);
        run(store, BARS);

        assertThat(missing).isNotEmpty();
        assertThat(log(store)).isEqualTo(full);
    }

    @Test
    void aWholeLastBatchLeavesNothingUnfinished() {
        InMemoryStore store = new InMemoryStore();
        assertThatThrownBy(() -> run(store, crashingAfter(30))).hasMessageContaining("crash");

        InitializeRuntime initialize = new InitializeRuntime(store, store, w -> { });
        assertThat(initialize.unfinishedBatch(initialize.initialize(config()))).isEmpty();
    }
}
