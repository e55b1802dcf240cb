package dev.paperplane.domain.runtime;

import static dev.paperplane.domain.Fixtures.d;
import static dev.paperplane.domain.Fixtures.fill;
import static dev.paperplane.domain.Fixtures.limits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.ledger.ShadowLedger;
import dev.paperplane.domain.risk.Breach;
import dev.paperplane.domain.risk.RiskLimits;
import dev.paperplane.domain.risk.RiskRule;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiskCheckTest {
    private static final RiskLimits LIMITS = limits("100", "1000", "20");
    private static final ShadowLedger RICH = ShadowLedger.initial(d("1000000"));

    private static Optional<Breach> check(ShadowLedger ledger, Action side, String quantity, String price,
                                          String fee) {
        return RiskCheck.check(LIMITS, ledger, "AAA", side, d(quantity), d(price), d(fee));
    }

    private static ShadowLedger holding(Action side, String quantity) {
        return RICH.apply(fill("AAA", side, quantity, "1", "0"));
    }

    @Test
    void orderNotionalBelowTheLimitPasses() {
        assertThat(check(RICH, Action.BUY, "10", "99.99", "0")).isEmpty();
    }

    @Test
    void orderNotionalAtTheLimitPasses() {
        assertThat(check(RICH, Action.BUY, "10", "100", "0")).isEmpty();
    }

    @Test
    void orderNotionalAboveTheLimitIsABreach() {
        assertThat(check(RICH, Action.SELL, "10", "100.01", "0"))
                .contains(new Breach(RiskRule.MAX_ORDER_NOTIONAL, d("1000"), d("1000.1")));
    }

    @Test
    void positionBelowTheLimitPasses() {
        assertThat(check(holding(Action.BUY, "95"), Action.BUY, "4", "1", "0")).isEmpty();
    }

    @Test
    void positionAtTheLimitPasses() {
        assertThat(check(holding(Action.BUY, "95"), Action.BUY, "5", "1", "0")).isEmpty();
    }

    @Test
    void positionAboveTheLimitIsABreachNamingTheAbsolutePositionAfter() {
        assertThat(check(holding(Action.BUY, "95"), Action.BUY, "6", "1", "0"))
                .contains(new Breach(RiskRule.MAX_POSITION, d("100"), d("101")));
    }

    @Test
    void shortPositionBeyondMaxPositionBreachesMaxPositionBeforeMaxShort() {
        assertThat(check(RICH, Action.SELL, "101", "1", "0"))
                .contains(new Breach(RiskRule.MAX_POSITION, d("100"), d("101")));
    }

    @Test
    void shortBelowTheLimitPasses() {
        assertThat(check(RICH, Action.SELL, "19", "1", "0")).isEmpty();
    }

    @Test
    void shortAtTheLimitPasses() {
        assertThat(check(RICH, Action.SELL, "20", "1", "0")).isEmpty();
    }

    @Test
    void shortAboveTheLimitIsABreachNamingTheShortQuantity() {
        assertThat(check(holding(Action.SELL, "15"), Action.SELL, "6", "1", "0"))
                .contains(new Breach(RiskRule.MAX_SHORT, d("20"), d("21")));
    }

    @Test
    void sellingALongDownIsNotShorting() {
        assertThat(RiskCheck.check(limits("100", "1000", "0"), holding(Action.BUY, "50"), "AAA", Action.SELL,
                d("50"), d("1"), d("0"))).isEmpty();
    }

    @Test
    void buyWhoseCostIsBelowCashPasses() {
        assertThat(check(ShadowLedger.initial(d("1000")), Action.BUY, "9.99", "100", "0.5")).isEmpty();
    }

    @Test
    void buyWhoseNotionalPlusFeeEqualsCashPasses() {
        assertThat(check(ShadowLedger.initial(d("1000")), Action.BUY, "9.99", "100", "1")).isEmpty();
    }

    @Test
    void buyIsRejectedWhenCashDoesNotCoverNotionalPlusFee() {
        assertThat(check(ShadowLedger.initial(d("1000")), Action.BUY, "9.99", "100", "1.01"))
                .contains(new Breach(RiskRule.INSUFFICIENT_CASH, d("1000"), d("1000.01")));
    }

    @Test
    void sellNeedsNoCash() {
        assertThat(check(ShadowLedger.initial(d("0")), Action.SELL, "5", "100", "1")).isEmpty();
    }

    @Test
    void firstBreachInRuleOrderWins() {
        assertThat(check(ShadowLedger.initial(d("0")), Action.BUY, "200", "10", "1"))
                .map(Breach::rule).contains(RiskRule.MAX_ORDER_NOTIONAL);
        assertThat(check(ShadowLedger.initial(d("0")), Action.BUY, "101", "1", "1"))
                .map(Breach::rule).contains(RiskRule.MAX_POSITION);
    }

    @Test
    void positionsOfOtherInstrumentsDoNotCount() {
        ShadowLedger other = RICH.apply(fill("BBB", Action.BUY, "100", "1", "0"));

        assertThat(check(other, Action.BUY, "100", "1", "0")).isEmpty();
    }
}
