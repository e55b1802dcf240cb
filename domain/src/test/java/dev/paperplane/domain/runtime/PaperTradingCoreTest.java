package dev.paperplane.domain.runtime;

import static dev.paperplane.domain.Fixtures.bar;
import static dev.paperplane.domain.Fixtures.config;
import static dev.paperplane.domain.Fixtures.d;
import static dev.paperplane.domain.Fixtures.generousLimits;
import static dev.paperplane.domain.Fixtures.limits;
import static dev.paperplane.domain.Fixtures.maCrossover;
import static dev.paperplane.domain.Fixtures.minute;
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
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.risk.RiskLimits;
import dev.paperplane.domain.risk.RiskRule;
import dev.paperplane.domain.strategy.StrategySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperTradingCoreTest {
    private static final FeeModel FEES = new FeeModel(10, 10);

    /** Opens a session and steps closes 10, 10, 10 of AAA, so that a close of 13 next is a crossover up. */
    private static RuntimeState warmedUp(String cash, RiskLimits risk, StrategySpec... strategies) {
        RuntimeState state = RuntimeState.EMPTY.apply(started(config(cash, FEES, risk, strategies), minute(0)));
        for (int i = 0; i < 3; i++) {
            state = fold(state, PaperTradingCore.step(state, bar("AAA", i, "10")));
        }
        return state;
    }

    private static RuntimeState fold(RuntimeState state, List<AuditEvent> events) {
        RuntimeState current = state;
        for (AuditEvent event : events) {
            current = current.apply(event);
        }
        return current;
    }

    @Test
    void steppingWithoutAnOpenSessionIsRefused() {
        assertThatThrownBy(() -> PaperTradingCore.step(RuntimeState.EMPTY, bar("AAA", 0, "10")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no session is open");
    }

    @Test
    void aBarOnWhichEveryStrategyHoldsYieldsOnlyItsObservation() {
        RuntimeState state = RuntimeState.EMPTY.apply(started(config("1000", FEES, generousLimits(),
                maCrossover("cross", 2, 3, "5")), minute(0)));
        Bar bar = bar("AAA", 0, "10");

        assertThat(PaperTradingCore.step(state, bar)).containsExactly(new MarketBarObserved(bar));
    }

    @Test
    void aDecisionIsRecordedWithItsReasonAndFilledAtThePaperPrice() {
        RuntimeState state = warmedUp("1000", generousLimits(), maCrossover("cross", 2, 3, "5"));
        Bar bar = bar("AAA", 3, "13");

        List<AuditEvent> events = PaperTradingCore.step(state, bar);

        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isEqualTo(new MarketBarObserved(bar));
        DecisionRecorded decision = (DecisionRecorded) events.get(1);
        assertThat(decision.time()).isEqualTo(minute(3));
        assertThat(decision.strategyId()).isEqualTo("cross");
        assertThat(decision.strategyVersion()).isEqualTo(1);
        assertThat(decision.instrument()).isEqualTo("AAA");
        assertThat(decision.action()).isEqualTo(Action.BUY);
        assertThat(decision.quantity()).isEqualTo(d("5"));
        assertThat(decision.reason()).contains("crossed above");
        assertThat(decision.indicators()).containsEntry("fastMa", d("11.5")).containsEntry("slowMa", d("11"));
        // 13 × 1.001 = 13.013; notional 65.065; fee 10 bps = 0.065065
        assertThat(events.get(2)).isEqualTo(new PaperOrderFilled(minute(3), "cross", "AAA", Action.BUY, d("5"),
                d("13.013"), d("65.065"), d("0.065065")));
    }

    @Test
    void foldingTheReturnedEventsGivesTheStateAfterTheBar() {
        RuntimeState state = warmedUp("1000", generousLimits(), maCrossover("cross", 2, 3, "5"));

        RuntimeState after = fold(state, PaperTradingCore.step(state, bar("AAA", 3, "13")));

        assertThat(after.ledger().cash()).isEqualTo(d("934.869935"));
        assertThat(after.ledger().position("AAA").quantity()).isEqualTo(d("5"));
        assertThat(after.session()).isEqualTo(new SessionProgress(true, 4, 1, 1, 0));
        assertThat(after.decisions().hasDecided("cross", "AAA", minute(3))).isTrue();
    }

    @Test
    void aBarAtOrBeforeTheLastObservedOneYieldsNoEvents() {
        RuntimeState state = warmedUp("1000", generousLimits(), maCrossover("cross", 2, 3, "5"));

        assertThat(PaperTradingCore.step(state, bar("AAA", 2, "13"))).isEmpty();
        assertThat(PaperTradingCore.step(state, bar("AAA", 1, "13"))).isEmpty();
    }

    @Test
    void instrumentsMoveForwardIndependently() {
        RuntimeState state = warmedUp("1000", generousLimits(), maCrossover("cross", 2, 3, "5"));

        assertThat(PaperTradingCore.step(state, bar("BBB", 0, "13"))).hasSize(1);
    }

    @Test
    void riskIsCheckedAtThePaperFillPriceNotTheClose() {
        // 5 × 13 = 65 would pass; the paper fill 5 × 13.013 = 65.065 does not.
        RuntimeState state = warmedUp("1000", limits("100", "65", "100"), maCrossover("cross", 2, 3, "5"));

        List<AuditEvent> events = PaperTradingCore.step(state, bar("AAA", 3, "13"));

        assertThat(events).hasSize(3);
        assertThat(events.get(2)).isEqualTo(new OrderRejected(minute(3), "cross", "AAA", Action.BUY, d("5"),
                d("13.013"), RiskRule.MAX_ORDER_NOTIONAL, d("65"), d("65.065")));
        assertThat(fold(state, events).session().rejections()).isEqualTo(1);
    }

    @Test
    void strategiesAreConsultedInConfigurationOrderAndSeeEarlierFillsOfTheSameBar() {
        // Cash covers one fill (65.130065) but not two.
        RuntimeState state = warmedUp("100", generousLimits(), maCrossover("zeta", 2, 3, "5"),
                maCrossover("alpha", 2, 3, "5"));

        List<AuditEvent> events = PaperTradingCore.step(state, bar("AAA", 3, "13"));

        assertThat(events).extracting(AuditEvent::type).containsExactly("MarketBarObserved", "DecisionRecorded",
                "PaperOrderFilled", "DecisionRecorded", "OrderRejected");
        assertThat(((PaperOrderFilled) events.get(2)).strategyId()).isEqualTo("zeta");
        OrderRejected rejected = (OrderRejected) events.get(4);
        assertThat(rejected.strategyId()).isEqualTo("alpha");
        assertThat(rejected.rule()).isEqualTo(RiskRule.INSUFFICIENT_CASH);
        assertThat(rejected.limit()).isEqualTo(d("34.869935"));
        assertThat(rejected.attempted()).isEqualTo(d("65.130065"));
    }

    @Test
    void completeCarriesTheSessionCountersAndEquity() {
        RuntimeState state = warmedUp("1000", generousLimits(), maCrossover("cross", 2, 3, "5"));
        state = fold(state, PaperTradingCore.step(state, bar("AAA", 3, "13")));

        SessionCompleted completed = PaperTradingCore.complete(state, minute(3));

        // equity = 934.869935 cash + 5 × 13 mark
        assertThat(completed).isEqualTo(new SessionCompleted(minute(3), 4, 1, 1, 0, d("999.869935")));
        assertThat(state.apply(completed).session().open()).isFalse();
    }

    @Test
    void completingWithoutAnOpenSessionIsRefused() {
        assertThatThrownBy(() -> PaperTradingCore.complete(RuntimeState.EMPTY, minute(0)))
                .isInstanceOf(IllegalStateException.class);
    }
}
