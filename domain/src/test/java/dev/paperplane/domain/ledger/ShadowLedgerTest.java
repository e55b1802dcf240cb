package dev.paperplane.domain.ledger;

import static dev.paperplane.domain.Fixtures.d;
import static dev.paperplane.domain.Fixtures.fill;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.domain.decision.Action;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShadowLedgerTest {
    private static final ShadowLedger START = ShadowLedger.initial(d("10000"));

    @Test
    void initialLedgerHoldsOnlyCash() {
        assertThat(START.cash()).isEqualTo(d("10000"));
        assertThat(START.positions()).isEmpty();
        assertThat(START.marks()).isEmpty();
        assertThat(START.realizedPnl()).isEqualTo(d("0"));
        assertThat(START.feesPaid()).isEqualTo(d("0"));
        assertThat(START.unrealizedPnl()).isEqualTo(d("0"));
        assertThat(START.equity()).isEqualTo(d("10000"));
    }

    @Test
    void buyPaysNotionalPlusFeeAndOpensALongAtTheFillPrice() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.BUY, "10", "100", "1"));

        assertThat(ledger.cash()).isEqualTo(d("8999"));
        assertThat(ledger.positions()).containsEntry("AAA", new Position(d("10"), d("100")));
        assertThat(ledger.feesPaid()).isEqualTo(d("1"));
        assertThat(ledger.realizedPnl()).isEqualTo(d("0"));
    }

    @Test
    void sellReceivesNotionalMinusFeeAndOpensAShort() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.SELL, "10", "50", "0.5"));

        assertThat(ledger.cash()).isEqualTo(d("10499.5"));
        assertThat(ledger.positions()).containsEntry("AAA", new Position(d("-10"), d("50")));
    }

    @Test
    void addingToALongAveragesItsCost() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.BUY, "10", "100", "0"))
                .apply(fill("AAA", Action.BUY, "30", "120", "0"));

        assertThat(ledger.positions()).containsEntry("AAA", new Position(d("40"), d("115")));
    }

    @Test
    void averageCostIsRoundedHalfEvenAtScaleEight() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.BUY, "1", "1", "0"))
                .apply(fill("AAA", Action.BUY, "2", "2", "0"));

        assertThat(ledger.position("AAA").averageCost()).isEqualTo(d("1.66666667"));
    }

    @Test
    void addingToAShortAveragesItsCost() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.SELL, "10", "50", "0"))
                .apply(fill("AAA", Action.SELL, "10", "60", "0"));

        assertThat(ledger.positions()).containsEntry("AAA", new Position(d("-20"), d("55")));
    }

    @Test
    void partialCloseOfALongRealizesOnTheClosedQuantityAndKeepsTheCost() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.BUY, "10", "100", "0"))
                .apply(fill("AAA", Action.SELL, "4", "110", "0"));

        assertThat(ledger.realizedPnl()).isEqualTo(d("40"));
        assertThat(ledger.positions()).containsEntry("AAA", new Position(d("6"), d("100")));
    }

    @Test
    void fullCloseRealizesAndRemovesThePosition() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.BUY, "10", "100", "0"))
                .apply(fill("AAA", Action.SELL, "10", "90", "0"));

        assertThat(ledger.realizedPnl()).isEqualTo(d("-100"));
        assertThat(ledger.positions()).isEmpty();
        assertThat(ledger.position("AAA")).isEqualTo(Position.FLAT);
        assertThat(ledger.cash()).isEqualTo(d("9900"));
    }

    @Test
    void partialCoverOfAShortRealizesWhenThePriceFell() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.SELL, "10", "50", "0"))
                .apply(fill("AAA", Action.BUY, "4", "40", "0"));

        assertThat(ledger.realizedPnl()).isEqualTo(d("40"));
        assertThat(ledger.positions()).containsEntry("AAA", new Position(d("-6"), d("50")));
    }

    @Test
    void fullCoverOfAShortAtAHigherPriceRealizesALoss() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.SELL, "10", "50", "0"))
                .apply(fill("AAA", Action.BUY, "10", "55", "0"));

        assertThat(ledger.realizedPnl()).isEqualTo(d("-50"));
        assertThat(ledger.positions()).isEmpty();
    }

    @Test
    void reversalFromLongToShortClosesTheLongAndOpensTheRemainderAtTheFillPrice() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.BUY, "10", "100", "0"))
                .apply(fill("AAA", Action.SELL, "15", "110", "0"));

        assertThat(ledger.realizedPnl()).isEqualTo(d("100"));
        assertThat(ledger.positions()).containsEntry("AAA", new Position(d("-5"), d("110")));
    }

    @Test
    void reversalFromShortToLongClosesTheShortAndOpensTheRemainderAtTheFillPrice() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.SELL, "10", "50", "0"))
                .apply(fill("AAA", Action.BUY, "12", "40", "0"));

        assertThat(ledger.realizedPnl()).isEqualTo(d("100"));
        assertThat(ledger.positions()).containsEntry("AAA", new Position(d("2"), d("40")));
    }

    @Test
    void realizedPnlExcludesFeesWhichAccumulateSeparately() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.BUY, "10", "100", "1"))
                .apply(fill("AAA", Action.SELL, "10", "110", "1.1"));

        assertThat(ledger.realizedPnl()).isEqualTo(d("100"));
        assertThat(ledger.feesPaid()).isEqualTo(d("2.1"));
        assertThat(ledger.cash()).isEqualTo(d("10097.9"));
    }

    @Test
    void markRecordsTheLastClosePerInstrument() {
        ShadowLedger ledger = START.mark("AAA", d("10")).mark("BBB", d("20")).mark("AAA", d("11"));

        assertThat(ledger.marks()).containsExactly(
                Map.entry("AAA", d("11")), Map.entry("BBB", d("20")));
    }

    @Test
    void unrealizedPnlAndEquityValueLongsAndShortsAtTheirMarks() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.BUY, "10", "100", "0"))
                .apply(fill("BBB", Action.SELL, "5", "50", "0"))
                .mark("AAA", d("110"))
                .mark("BBB", d("40"));

        assertThat(ledger.cash()).isEqualTo(d("9250"));
        assertThat(ledger.unrealizedPnl()).isEqualTo(d("150"));
        assertThat(ledger.equity()).isEqualTo(d("10150"));
    }

    @Test
    void positionWithoutAMarkIsValuedAtItsAverageCost() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.BUY, "10", "100", "2"));

        assertThat(ledger.unrealizedPnl()).isEqualTo(d("0"));
        assertThat(ledger.equity()).isEqualTo(d("9998"));
    }

    @Test
    void applyLeavesTheOriginalUnchanged() {
        START.apply(fill("AAA", Action.BUY, "10", "100", "1"));

        assertThat(START).isEqualTo(ShadowLedger.initial(d("10000")));
    }

    @Test
    void ledgersAreEqualByValue() {
        ShadowLedger a = START.apply(fill("AAA", Action.BUY, "10", "100", "1")).mark("AAA", d("101"));
        ShadowLedger b = ShadowLedger.initial(d("10000")).apply(fill("AAA", Action.BUY, "10", "100", "1"))
                .mark("AAA", d("101"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(b.mark("AAA", d("102")));
    }

    @Test
    void restoreRebuildsAnEqualLedger() {
        ShadowLedger ledger = START.apply(fill("AAA", Action.BUY, "10", "100", "1"))
                .apply(fill("AAA", Action.SELL, "4", "110", "1")).mark("AAA", d("105"));

        ShadowLedger restored = ShadowLedger.restore(ledger.cash(), ledger.positions(), ledger.realizedPnl(),
                ledger.feesPaid(), ledger.marks());

        assertThat(restored).isEqualTo(ledger);
    }
}
