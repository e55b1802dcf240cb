package dev.paperplane.domain.runtime;

import static dev.paperplane.domain.Fixtures.bar;
import static dev.paperplane.domain.Fixtures.config;
import static dev.paperplane.domain.Fixtures.d;
import static dev.paperplane.domain.Fixtures.generousLimits;
import static dev.paperplane.domain.Fixtures.maCrossover;
import static dev.paperplane.domain.Fixtures.meanReversion;
import static dev.paperplane.domain.Fixtures.minute;
import static dev.paperplane.domain.Fixtures.spec;
import static dev.paperplane.domain.Fixtures.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.decision.DecisionKey;
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.ledger.Position;
import dev.paperplane.domain.ledger.ShadowLedger;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.risk.RiskRule;
import dev.paperplane.domain.session.RuntimeConfig;
import dev.paperplane.domain.strategy.PriceWindow;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RuntimeStateTest {
    private static final RuntimeConfig CONFIG = config("1000", new FeeModel(0, 0), generousLimits(),
            maCrossover("cross", 2, 3, "5"), meanReversion("band", 2, "1", "1"));

    private static RuntimeState fold(RuntimeState state, AuditEvent... events) {
        RuntimeState current = state;
        for (AuditEvent event : events) {
            current = current.apply(event);
        }
        return current;
    }

    private static RuntimeState open() {
        return RuntimeState.EMPTY.apply(started(CONFIG, minute(0)));
    }

    private static DecisionRecorded decision(String strategyId, String instrument, int minute, Action action) {
        return new DecisionRecorded(minute(minute), strategyId, 1, instrument, action, d("5"), "test",
                new TreeMap<>());
    }

    private static PaperOrderFilled filled(String instrument, int minute, Action side, String quantity, String price) {
        return new PaperOrderFilled(minute(minute), "cross", instrument, side, d(quantity), d(price),
                Decimals.multiply(d(quantity), d(price)), d("0"));
    }

    @Test
    void emptyStateHasNoSessionAndNoConfiguration() {
        RuntimeState state = RuntimeState.EMPTY;

        assertThat(state.events()).isZero();
        assertThat(state.config()).isEmpty();
        assertThat(state.strategies()).isEmpty();
        assertThat(state.session()).isEqualTo(SessionProgress.NONE);
        assertThat(state.ledger()).isEqualTo(ShadowLedger.initial(d("0")));
        assertThat(state.decisions()).isEqualTo(DecisionMemory.empty());
        assertThat(state.windows()).isEmpty();
        assertThat(state.lastBarTimes()).isEmpty();
    }

    @Test
    void barBeforeAnySessionIsRefused() {
        assertThatThrownBy(() -> RuntimeState.EMPTY.apply(new MarketBarObserved(bar("AAA", 0, "10"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MarketBarObserved")
                .hasMessageContaining("no session has started");
    }

    @Test
    void firstSessionSetsConfigurationStrategiesAndInitialCashAndOpens() {
        RuntimeState state = open();

        assertThat(state.config()).contains(CONFIG);
        assertThat(state.strategies()).extracting(s -> s.spec().id()).containsExactly("cross", "band");
        assertThat(state.ledger()).isEqualTo(ShadowLedger.initial(d("1000")));
        assertThat(state.session()).isEqualTo(new SessionProgress(true, 0, 0, 0, 0));
        assertThat(state.events()).isEqualTo(1);
    }

    @Test
    void sessionWithAnUnknownStrategyCannotStart() {
        RuntimeConfig unknown = config("1000", new FeeModel(0, 0), generousLimits(), spec("x", "grid", 1));

        assertThatThrownBy(() -> RuntimeState.EMPTY.apply(started(unknown, minute(0))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SessionStarted")
                .hasMessageContaining("unknown kind 'grid'");
    }

    @Test
    void barMarksTheLedgerAppendsToEveryStrategyWindowAndCounts() {
        RuntimeState state = fold(open(), new MarketBarObserved(bar("AAA", 1, "10")));

        assertThat(state.ledger().marks()).containsEntry("AAA", d("10"));
        assertThat(state.windows()).containsEntry(new DecisionKey("cross", "AAA"), PriceWindow.empty(4).append(d("10")))
                .containsEntry(new DecisionKey("band", "AAA"), PriceWindow.empty(2).append(d("10")));
        assertThat(state.lastBarTimes()).containsEntry("AAA", minute(1));
        assertThat(state.lastBarTime("AAA")).contains(minute(1));
        assertThat(state.session().bars()).isEqualTo(1);
    }

    @Test
    void windowsKeepOnlyEachStrategysMemorySize() {
        RuntimeState state = fold(open(), new MarketBarObserved(bar("AAA", 1, "1")),
                new MarketBarObserved(bar("AAA", 2, "2")), new MarketBarObserved(bar("AAA", 3, "3")));

        assertThat(state.windows().get(new DecisionKey("band", "AAA")).closes()).containsExactly(d("2"), d("3"));
        assertThat(state.windows().get(new DecisionKey("cross", "AAA")).closes())
                .containsExactly(d("1"), d("2"), d("3"));
    }

    @Test
    void barThatDoesNotMoveItsInstrumentForwardIsRefused() {
        RuntimeState state = fold(open(), new MarketBarObserved(bar("AAA", 2, "10")));

        assertThatThrownBy(() -> state.apply(new MarketBarObserved(bar("AAA", 2, "11"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not after the last observed bar");
        assertThat(state.apply(new MarketBarObserved(bar("BBB", 1, "11"))).lastBarTimes())
                .containsEntry("AAA", minute(2)).containsEntry("BBB", minute(1));
    }

    @Test
    void decisionIsRememberedAndCounted() {
        RuntimeState state = fold(open(), new MarketBarObserved(bar("AAA", 1, "10")),
                decision("cross", "AAA", 1, Action.BUY));

        assertThat(state.decisions().track("cross", "AAA")).contains(new DecisionTrack(minute(1), Action.BUY, 1, 0));
        assertThat(state.session().decisions()).isEqualTo(1);
    }

    @Test
    void decisionOfAnUnconfiguredStrategyIsRefused() {
        RuntimeState state = fold(open(), new MarketBarObserved(bar("AAA", 1, "10")));

        assertThatThrownBy(() -> state.apply(decision("other", "AAA", 1, Action.BUY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("strategy 'other' is not configured");
    }

    @Test
    void decisionForABarThatWasNotObservedIsRefused() {
        RuntimeState state = fold(open(), new MarketBarObserved(bar("AAA", 1, "10")));

        assertThatThrownBy(() -> state.apply(decision("cross", "AAA", 2, Action.BUY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("last observed bar of AAA");
    }

    @Test
    void rejectionIsCounted() {
        RuntimeState state = fold(open(), new MarketBarObserved(bar("AAA", 1, "10")),
                new OrderRejected(minute(1), "cross", "AAA", Action.BUY, d("5"), d("10"), RiskRule.MAX_POSITION,
                        d("1"), d("5")));

        assertThat(state.session().rejections()).isEqualTo(1);
        assertThat(state.ledger().positions()).isEmpty();
    }

    @Test
    void fillIsAppliedToTheLedgerAndCounted() {
        RuntimeState state = fold(open(), new MarketBarObserved(bar("AAA", 1, "10")),
                filled("AAA", 1, Action.BUY, "5", "10"));

        assertThat(state.ledger().positions()).containsEntry("AAA", new Position(d("5"), d("10")));
        assertThat(state.ledger().cash()).isEqualTo(d("950"));
        assertThat(state.session().fills()).isEqualTo(1);
    }

    @Test
    void sessionCompletedClosesTheSessionKeepingItsCounters() {
        RuntimeState state = fold(open(), new MarketBarObserved(bar("AAA", 1, "10")),
                new SessionCompleted(minute(1), 1, 0, 0, 0, d("1000")));

        assertThat(state.session()).isEqualTo(new SessionProgress(false, 1, 0, 0, 0));
        assertThatThrownBy(() -> state.apply(new MarketBarObserved(bar("AAA", 2, "10"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("session is completed");
    }

    @Test
    void completingWithoutASessionIsRefused() {
        assertThatThrownBy(() -> RuntimeState.EMPTY.apply(new SessionCompleted(minute(0), 0, 0, 0, 0, d("0"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void laterSessionKeepsLedgerDecisionsAndWindowsAndResetsItsCounters() {
        RuntimeState first = fold(open(), new MarketBarObserved(bar("AAA", 1, "10")),
                decision("cross", "AAA", 1, Action.BUY), filled("AAA", 1, Action.BUY, "5", "10"),
                new SessionCompleted(minute(1), 1, 1, 1, 0, d("1000")));
        RuntimeConfig richer = config("999999", new FeeModel(1, 1), generousLimits(),
                maCrossover("cross", 2, 3, "5"), meanReversion("band", 2, "1", "1"));

        RuntimeState second = first.apply(started(richer, minute(2)));

        assertThat(second.config()).contains(richer);
        assertThat(second.ledger()).isEqualTo(first.ledger());
        assertThat(second.decisions()).isEqualTo(first.decisions());
        assertThat(second.windows()).isEqualTo(first.windows());
        assertThat(second.lastBarTimes()).isEqualTo(first.lastBarTimes());
        assertThat(second.session()).isEqualTo(new SessionProgress(true, 0, 0, 0, 0));
    }

    @Test
    void laterSessionFitsKeptWindowsToChangedMemorySizes() {
        RuntimeState first = fold(open(), new MarketBarObserved(bar("AAA", 1, "1")),
                new MarketBarObserved(bar("AAA", 2, "2")), new MarketBarObserved(bar("AAA", 3, "3")),
                new SessionCompleted(minute(3), 3, 0, 0, 0, d("1000")));
        RuntimeConfig resized = config("1000", new FeeModel(0, 0), generousLimits(),
                maCrossover("cross", 1, 2, "5"), meanReversion("band", 5, "1", "1"));

        RuntimeState second = first.apply(started(resized, minute(4)));

        assertThat(second.windows().get(new DecisionKey("cross", "AAA")))
                .isEqualTo(new PriceWindow(3, List.of(d("1"), d("2"), d("3"))));
        assertThat(second.windows().get(new DecisionKey("band", "AAA")))
                .isEqualTo(new PriceWindow(5, List.of(d("2"), d("3"))));
    }

    @Test
    void everyFoldedEventIsCounted() {
        RuntimeState state = fold(open(), new MarketBarObserved(bar("AAA", 1, "10")),
                new MarketBarObserved(bar("BBB", 1, "10")));

        assertThat(state.events()).isEqualTo(3);
    }

    @Test
    void restoredStateEqualsTheFoldedOneAndRecreatesItsStrategies() {
        RuntimeState folded = fold(open(), new MarketBarObserved(bar("AAA", 1, "10")),
                decision("cross", "AAA", 1, Action.BUY), filled("AAA", 1, Action.BUY, "5", "10"));

        RuntimeState restored = RuntimeState.restore(folded.events(), folded.config().orElseThrow(), folded.ledger(),
                folded.decisions(), folded.windows(), folded.lastBarTimes(), folded.session());

        assertThat(restored).isEqualTo(folded).hasSameHashCodeAs(folded);
        assertThat(restored.digest()).isEqualTo(folded.digest());
        assertThat(restored.strategies()).extracting(s -> s.spec().id()).containsExactly("cross", "band");
    }

    @Test
    void restoringAnOpenSessionWithoutConfigurationIsRefused() {
        assertThatThrownBy(() -> RuntimeState.restore(1, null, ShadowLedger.initial(d("0")), DecisionMemory.empty(),
                new TreeMap<>(), new TreeMap<>(), new SessionProgress(true, 0, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void digestDiffersWhenTheStateDiffers() {
        RuntimeState a = fold(open(), new MarketBarObserved(bar("AAA", 1, "10")));
        RuntimeState b = fold(open(), new MarketBarObserved(bar("AAA", 1, "10.00000001")));

        assertThat(a.digest()).hasSize(64).matches("[0-9a-f]{64}").isNotEqualTo(b.digest());
        assertThat(a.digest()).isEqualTo(fold(open(), new MarketBarObserved(bar("AAA", 1, "10"))).digest());
    }

    @Test
    void canonicalTextUsesCanonicalDecimalsAndIsoInstants() {
        String text = fold(open(), new MarketBarObserved(bar("AAA", 1, "10"))).canonicalText();

        assertThat(text).contains("ledger.cash=1000.00000000\n")
                .contains("ledger.mark.AAA=10.00000000\n")
                .contains("lastBar.AAA=2025-01-02T09:01:00Z\n")
                .contains("window.cross/AAA=capacity=4 10.00000000\n");
    }
}
