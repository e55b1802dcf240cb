package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.feed.CsvFeed;
import dev.paperplane.application.feed.imports.ImportFeed;
import dev.paperplane.application.feed.imports.ImportOptions;
import dev.paperplane.application.feed.imports.ImportSource;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.execution.PaperExecution;
import dev.paperplane.domain.ledger.ShadowLedger;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.risk.Breach;
import dev.paperplane.domain.risk.RiskLimits;
import dev.paperplane.domain.risk.RiskRule;
import dev.paperplane.domain.runtime.RiskCheck;
import dev.paperplane.domain.strategy.PriceWindow;
import dev.paperplane.domain.strategy.Signal;
import dev.paperplane.domain.strategy.Strategies;
import dev.paperplane.domain.strategy.StrategySpec;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every rounding and limit claim of docs/rules.md (and the import's adjustment in operations.md), checked on the
 * code with edge values: ties at the 9th digit, more than 8 decimals, figures exactly at a limit and one unit over.
 */
class RoundingClaimsTest {
    private static final Instant T = Instant.parse("2024-01-02T21:00:00Z");

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    private static void assertExactly(BigDecimal actual, String expected) {
        assertThat(actual.toPlainString()).isEqualTo(expected);
    }

    // ---- Numbers ----

    @Test
    void round8IsHalfEvenAtTheNinthDigitWithoutNegativeZero() {
        assertExactly(Decimals.of(d("0.000000005")), "0.00000000");
        assertExactly(Decimals.of(d("0.000000015")), "0.00000002");
        assertExactly(Decimals.of(d("-0.000000005")), "0.00000000");
        assertExactly(Decimals.of(d("0.0000000050000001")), "0.00000001");
        assertThat(Decimals.format(d("-3"))).isEqualTo("-3.00000000");
        assertThat(Decimals.format(d("0"))).isEqualTo("0.00000000");
    }

    // ---- Feed ----

    @Test
    void feedValuesWithMoreThanEightDecimalsAreRoundedHalfEvenWhenRead() {
        String feed = CsvFeed.HEADER + "\n" + "2024-01-02T21:00:00Z,AAA,10.000000005,10.000000015,10.000000005,"
                + "10.000000025,0.0000000051\n";

        Bar bar = new CsvFeed(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)), "f").next().orElseThrow();

        assertExactly(bar.open(), "10.00000000");
        assertExactly(bar.high(), "10.00000002");
        assertExactly(bar.close(), "10.00000002");
        assertExactly(bar.volume(), "0.00000001");
    }

    // ---- Strategies ----

    private static Signal decide(StrategySpec spec, String... closes) {
        List<BigDecimal> values = Arrays.stream(closes).map(Decimals::parse).toList();
        BigDecimal close = values.getLast();
        Bar bar = new Bar(T, "AAA", close, close, close, close, Decimals.of(1));
        return Strategies.create(spec).decide(new PriceWindow(values.size(), values), bar);
    }

    private static StrategySpec ma(int fast, int slow) {
        return new StrategySpec("ma", "ma-crossover", 1, new TreeMap<>(Map.of("fast", "" + fast, "slow", "" + slow,
                "quantity", "1")));
    }

    private static StrategySpec band(int window, String k) {
        return new StrategySpec("band", "mean-reversion", 1, new TreeMap<>(Map.of("window", "" + window, "k", k,
                "quantity", "1")));
    }

    @Test
    void movingAveragesAreRoundedOnceHalfEven() {
        // fast MA(2) of the last two closes: 1.000000025 → 1.00000002 (even); before: 1.000000015 → 1.00000002
        Signal signal = decide(ma(2, 3), "1.00000000", "1.00000001", "1.00000002", "1.00000003");

        assertExactly(signal.indicators().get("fastMa"), "1.00000002");
        assertExactly(signal.indicators().get("previousFastMa"), "1.00000002");
        assertExactly(signal.indicators().get("slowMa"), "1.00000002");
    }

    @Test
    void aCrossingIsJudgedOnTheRoundedAveragesFromEqualToAboveButNotFromAboveToEqual() {
        // before: fast 2 = slow 2; now: fast 3 > slow 2.5, a crossing above
        assertThat(decide(ma(1, 2), "1", "2", "2", "3").action()).isEqualTo(Action.BUY);
        // before: fast 3 > slow 2; now: fast 2 < slow 2.5, a crossing below
        assertThat(decide(ma(1, 2), "1", "3", "2").action()).isEqualTo(Action.SELL);
        // before: fast 3 > slow 2.5; now: fast 3 = slow 3, from above to equal, which is no crossing
        assertThat(decide(ma(1, 2), "2", "3", "3").action()).isEqualTo(Action.HOLD);
    }

    @Test
    void theStandardDeviationIsThePopulationOneRoundedOnceHalfEven() {
        // closes 1 and 3: population σ = 1 (the sample σ would be 1.41421356)
        assertExactly(decide(band(2, "1"), "1", "3").indicators().get("stdDev"), "1.00000000");
        // |Δ| of one unit: σ = 0.000000005 exactly, a tie → 0.00000000; of three units: 0.000000015 → 0.00000002
        assertExactly(decide(band(2, "1"), "1.00000000", "1.00000001").indicators().get("stdDev"), "0.00000000");
        assertExactly(decide(band(2, "1"), "1.00000000", "1.00000003").indicators().get("stdDev"), "0.00000002");
    }

    @Test
    void theBandWidthIsKTimesSigmaRoundedHalfEvenAndACloseOnAnEdgeHolds() {
        // σ = 0.00000001 (|Δ| of two units), k = 1.5: width 0.000000015 → 0.00000002
        Signal signal = decide(band(2, "1.5"), "1.00000000", "1.00000002");
        assertExactly(signal.indicators().get("mean"), "1.00000001");
        assertExactly(signal.indicators().get("lowerBand"), "0.99999999");
        assertExactly(signal.indicators().get("upperBand"), "1.00000003");
        // closes 1 and 3, k = 1: the band is [1, 3] and the close 3 is on its upper edge
        assertThat(decide(band(2, "1"), "1", "3").action()).isEqualTo(Action.HOLD);
    }

    // ---- Fills ----

    @Test
    void theSlippedPriceNotionalAndFeeAreEachRoundedOnceHalfEven() {
        FeeModel fees = new FeeModel(5_000, 1);
        assertExactly(PaperExecution.fillPrice(Action.BUY, d("0.00000001"), fees), "0.00000002");
        assertExactly(PaperExecution.fillPrice(Action.SELL, d("0.00000001"), fees), "0.00000000");
        assertExactly(PaperExecution.fillPrice(Action.SELL, d("0.00000003"), fees), "0.00000002");
        assertExactly(PaperExecution.notional(d("0.5"), d("0.00000001")), "0.00000000");
        assertExactly(PaperExecution.notional(d("0.5"), d("0.00000003")), "0.00000002");
        assertExactly(PaperExecution.fee(d("0.00005000"), fees), "0.00000000");
        assertExactly(PaperExecution.fee(d("0.00015000"), fees), "0.00000002");
    }

    // ---- Risk ----

    private static Optional<Breach> check(RiskLimits limits, ShadowLedger ledger, Action side, String quantity,
                                          String price, String fee) {
        return RiskCheck.check(limits, ledger, "AAA", side, d(quantity), d(price), d(fee));
    }

    @Test
    void eachFigureExactlyAtItsLimitPassesAndOneUnitOverIsRejectedWithLimitAndAttempted() {
        ShadowLedger cash100 = ShadowLedger.initial(Decimals.of(100));
        RiskLimits limits = new RiskLimits(d("10"), d("100"), d("5"));

        // notional 10 × 9.9 + fee 1 = 100 = cash: everything exactly at its limit passes
        assertThat(check(limits, cash100, Action.BUY, "10", "9.9", "1")).isEmpty();
        assertThat(check(limits, cash100, Action.BUY, "10", "10.00000001", "0"))
                .contains(new Breach(RiskRule.MAX_ORDER_NOTIONAL, d("100"), d("100.00000010")));
        assertThat(check(limits, cash100, Action.BUY, "10.00000001", "1", "0"))
                .contains(new Breach(RiskRule.MAX_POSITION, d("10"), d("10.00000001")));
        assertThat(check(limits, cash100, Action.SELL, "5", "1", "0")).isEmpty();
        assertThat(check(limits, cash100, Action.SELL, "5.00000001", "1", "0"))
                .contains(new Breach(RiskRule.MAX_SHORT, d("5"), d("5.00000001")));
        assertThat(check(limits, cash100, Action.BUY, "1", "99", "1.00000001"))
                .contains(new Breach(RiskRule.INSUFFICIENT_CASH, d("100"), d("100.00000001")));
    }

    @Test
    void theFirstFailingRuleInTheDocumentedOrderIsReported() {
        ShadowLedger poor = ShadowLedger.initial(Decimals.of(1));
        RiskLimits limits = new RiskLimits(d("10"), d("100"), d("5"));

        // breaks all four: notional 2000, position 20, (no short), cash
        assertThat(check(limits, poor, Action.BUY, "20", "100", "1")).map(Breach::rule)
                .contains(RiskRule.MAX_ORDER_NOTIONAL);
        // position 20 and cash, notional within
        assertThat(check(limits, poor, Action.BUY, "20", "1", "0")).map(Breach::rule).contains(RiskRule.MAX_POSITION);
        // |after| 20 > 10 and after −20 < −5: MAX_POSITION comes first
        assertThat(check(limits, poor, Action.SELL, "20", "1", "0")).map(Breach::rule).contains(RiskRule.MAX_POSITION);
    }

    // ---- Ledger ----

    private static PaperOrderFilled fill(Action side, String quantity, String price) {
        BigDecimal notional = PaperExecution.notional(d(quantity), d(price));
        return new PaperOrderFilled(T, "s", "AAA", side, Decimals.of(d(quantity)), Decimals.of(d(price)), notional,
                Decimals.ZERO);
    }

    @Test
    void theAverageCostIsTheExactTotalCostDividedOnceHalfEven() {
        ShadowLedger ledger = ShadowLedger.initial(Decimals.of(100))
                .apply(fill(Action.BUY, "1", "1.00000001")).apply(fill(Action.BUY, "1", "1.00000002"));

        // (1.00000001 + 1.00000002) / 2 = 1.000000015 → 1.00000002
        assertExactly(ledger.position("AAA").averageCost(), "1.00000002");
    }

    @Test
    void realizedPnlIsRoundedPerFillHalfEvenExcludesFeesAndAReversalOpensAtTheFillPrice() {
        ShadowLedger ledger = ShadowLedger.initial(Decimals.of(100)).apply(fill(Action.BUY, "1", "1.00000000"))
                .apply(new PaperOrderFilled(T, "s", "AAA", Action.SELL, d("0.5"), d("1.00000001"), d("0.50000000"),
                        d("7")));

        // 0.5 × 0.00000001 = 0.000000005 → 0.00000000; the fee of 7 is not in it
        assertExactly(ledger.realizedPnl(), "0.00000000");
        assertExactly(ledger.feesPaid(), "7.00000000");
        ShadowLedger reversed = ledger.apply(fill(Action.SELL, "2", "3"));
        assertExactly(reversed.position("AAA").quantity(), "-1.50000000");
        assertExactly(reversed.position("AAA").averageCost(), "3.00000000");
        // 0.5 closed at 3 against 1: 1.00000000 realized
        assertExactly(reversed.realizedPnl(), "1.00000000");
    }

    @Test
    void equityAndUnrealizedPnlRoundEachPositionsTermBeforeSumming() {
        ShadowLedger ledger = ShadowLedger.initial(Decimals.of(10))
                .apply(new PaperOrderFilled(T, "s", "AAA", Action.BUY, d("0.5"), d("1"), d("0.5"), d("0")))
                .apply(new PaperOrderFilled(T, "s", "BBB", Action.BUY, d("0.5"), d("1"), d("0.5"), d("0")))
                .mark(Map.of("AAA", d("1.00000001"), "BBB", d("1.00000001")));

        // each term 0.5 × 1.00000001 = 0.500000005 → 0.50000000; rounding the sum once would give 10.00000001
        assertExactly(ledger.equity(), "10.00000000");
        assertExactly(ledger.unrealizedPnl(), "0.00000000");
    }

    // ---- Import (operations.md, Adjustment) ----

    @Test
    void anAdjustedPriceIsPriceTimesAdjCloseOverCloseRoundedOnceHalfEven() {
        String yahoo = "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-01-02,0.00000003,2,0.00000003,2,1,5\n";
        ImportOptions options = new ImportOptions(Optional.empty(), Map.of(), false, Optional.empty(),
                ImportOptions.DEFAULT_BAR_TIME, ImportOptions.DEFAULT_ZONE, true);
        StringWriter out = new StringWriter();

        new ImportFeed(options).importTo(List.of(new ImportSource("y.csv",
                new ByteArrayInputStream(yahoo.getBytes(StandardCharsets.UTF_8)), Optional.of("AAA"))), out);

        // 0.00000003 × 1 / 2 = 0.000000015 → 0.00000002
        assertThat(out.toString()).endsWith("\n2024-01-02T21:00:00Z,AAA,0.00000002,1,0.00000002,1,5\n");
    }
}
