package dev.paperplane.domain.strategy;

import static dev.paperplane.domain.Fixtures.bar;
import static dev.paperplane.domain.Fixtures.d;
import static dev.paperplane.domain.Fixtures.generatedSeries;
import static dev.paperplane.domain.Fixtures.meanReversion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MeanReversionBandTest {

    private static Signal decide(Strategy strategy, String... closes) {
        PriceWindow window = PriceWindow.empty(strategy.memorySize());
        for (String close : closes) {
            window = window.append(d(close));
        }
        return strategy.decide(window, bar("AAA", closes.length, closes[closes.length - 1]));
    }

    private static List<BigDecimal> values(String... texts) {
        List<BigDecimal> values = new ArrayList<>();
        for (String text : texts) {
            values.add(d(text));
        }
        return values;
    }

    private static CloseRing ring(List<BigDecimal> values) {
        return new CloseRing(new PriceWindow(values.size(), values));
    }

    private static BigDecimal sd(List<BigDecimal> values) {
        return MeanReversionBand.populationStandardDeviation(ring(values), 0, values.size());
    }

    private final Strategy band = Strategies.create(meanReversion("band", 4, "1", "3"));

    @Test
    void remembersExactlyItsWindow() {
        assertThat(band.memorySize()).isEqualTo(4);
    }

    @Test
    void holdsUntilTheWindowIsFull() {
        Signal signal = decide(band, "10", "10", "2");

        assertThat(signal.action()).isEqualTo(Action.HOLD);
        assertThat(signal.reason()).contains("warming up").contains("3 of 4");
    }

    @Test
    void buysWhenTheCloseFallsBelowTheLowerBand() {
        Signal signal = decide(band, "10", "10", "10", "6");

        assertThat(signal.action()).isEqualTo(Action.BUY);
        assertThat(signal.quantity()).isEqualTo(d("3"));
        assertThat(signal.reason()).contains("below lower band");
        assertThat(signal.indicators())
                .containsEntry("mean", d("9"))
                .containsEntry("stdDev", d("1.73205081"))
                .containsEntry("lowerBand", d("7.26794919"))
                .containsEntry("upperBand", d("10.73205081"))
                .containsEntry("close", d("6"));
    }

    @Test
    void sellsWhenTheCloseRisesAboveTheUpperBand() {
        Signal signal = decide(band, "10", "10", "10", "14");

        assertThat(signal.action()).isEqualTo(Action.SELL);
        assertThat(signal.reason()).contains("above upper band");
        assertThat(signal.indicators()).containsEntry("mean", d("11")).containsEntry("upperBand", d("12.73205081"));
    }

    @Test
    void holdsInsideTheBand() {
        Strategy wide = Strategies.create(meanReversion("wide", 4, "2", "3"));

        Signal signal = decide(wide, "10", "11", "10", "11");

        assertThat(signal.action()).isEqualTo(Action.HOLD);
        assertThat(signal.reason()).contains("inside band");
        assertThat(signal.indicators()).containsEntry("lowerBand", d("9.5")).containsEntry("upperBand", d("11.5"));
    }

    @Test
    void holdsWhenTheCloseIsExactlyOnABandEdge() {
        Signal signal = decide(band, "10", "11", "10", "11");

        assertThat(signal.indicators()).containsEntry("upperBand", d("11"));
        assertThat(signal.action()).isEqualTo(Action.HOLD);
    }

    @Test
    void holdsWhenAllClosesAreEqual() {
        Signal signal = decide(band, "10", "10", "10", "10");

        assertThat(signal.action()).isEqualTo(Action.HOLD);
        assertThat(signal.indicators()).containsEntry("stdDev", d("0"));
    }

    @Test
    void standardDeviationIsThePopulationOne() {
        assertThat(sd(values("2", "4", "4", "4", "5", "5", "7", "9")))
                .isEqualTo(d("2"));
        assertThat(sd(values("1", "2"))).isEqualTo(d("0.5"));
    }

    @Test
    void standardDeviationIsRoundedHalfEvenAtScaleEight() {
        // sqrt(2/3) = 0.816496580927..., sqrt(1.25) = 1.118033988749...
        assertThat(sd(values("1", "2", "3"))).isEqualTo(d("0.81649658"));
        assertThat(sd(values("1", "2", "3", "4")))
                .isEqualTo(d("1.11803399"));
    }

    @Test
    void standardDeviationAgreesWithAHighPrecisionSquareRootOnGeneratedWindows() {
        List<Bar> bars = generatedSeries(60);
        for (int size = 2; size <= 12; size++) {
            for (int start = 0; start + size <= bars.size(); start += 7) {
                List<BigDecimal> window = new ArrayList<>();
                for (Bar bar : bars.subList(start, start + size)) {
                    window.add(bar.close());
                }
                BigDecimal mean = window.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(size), MathContext.DECIMAL128);
                BigDecimal variance = window.stream().map(v -> v.subtract(mean).pow(2))
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(size), new MathContext(60));
                BigDecimal expected = variance.sqrt(new MathContext(40)).setScale(Decimals.SCALE, Decimals.ROUNDING);

                assertThat(sd(window)).as("window %s", window)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void standardDeviationAndMeanStayExactForValuesBeyondTheLongRange() {
        // unscaled, 100 billion is 10^19, beyond a long: the BigInteger and BigDecimal forms decide
        List<BigDecimal> huge = values("100000000000", "100000000001.5", "99999999999.25", "100000000003");
        BigDecimal mean = huge.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(4), MathContext.DECIMAL128);
        BigDecimal variance = huge.stream().map(v -> v.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(4), new MathContext(60));

        assertThat(sd(huge))
                .isEqualTo(variance.sqrt(new MathContext(40)).setScale(Decimals.SCALE, Decimals.ROUNDING));
        assertThat(sd(values("90000000000", "90000000001.5",
                "89999999999.25", "90000000003"))).as("shifted by the last value, 9·10^18 fits a long")
                .isEqualTo(variance.sqrt(new MathContext(40)).setScale(Decimals.SCALE, Decimals.ROUNDING));
        assertThat(ring(huge).mean(0, 4)).isEqualTo(mean.setScale(Decimals.SCALE, Decimals.ROUNDING));
    }

    /** The band's indicators as the BigDecimal formulas give them, σ from a 40-digit square root. */
    private static SortedMap<String, BigDecimal> expectedIndicators(List<BigDecimal> closes, BigDecimal k) {
        BigDecimal n = BigDecimal.valueOf(closes.size());
        BigDecimal sum = closes.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        // n is 2^a·5^b below: the exact mean terminates
        BigDecimal exactMean = sum.divide(n);
        BigDecimal variance = closes.stream().map(v -> v.subtract(exactMean).pow(2))
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, new MathContext(80));
        BigDecimal mean = Decimals.divide(sum, n);
        BigDecimal sd = variance.sqrt(new MathContext(40)).setScale(Decimals.SCALE, Decimals.ROUNDING);
        BigDecimal width = Decimals.multiply(Decimals.of(k), sd);
        SortedMap<String, BigDecimal> expected = new TreeMap<>();
        expected.put("close", closes.getLast());
        expected.put("mean", mean);
        expected.put("stdDev", sd);
        expected.put("lowerBand", mean.subtract(width));
        expected.put("upperBand", mean.add(width));
        return expected;
    }

    @Test
    void longArithmeticAndItsFallbacksGiveTheBigDecimalBandAtEveryMagnitude() {
        // closes from 10^-8 to beyond a long (10^12): the long path, k·σ beyond a long (the large k), σ's D beyond
        // a long (large swings), sums beyond a long (closes near 10^10) and closes beyond one
        SplittableRandom random = new SplittableRandom(19);
        int[] windows = {2, 4, 5, 8, 20};
        String[] ks = {"2", "1.5", "0.00000001", "100000", "100000000000"};
        long[] units = {1L, 10_000L, 1_000_000L, 100_000_000L, 100_000_000_000L, 1_000_000_000_000_000L,
                100_000_000_000_000_000L};
        int decided = 0;
        for (long unit : units) {
            for (int window : windows) {
                for (String k : ks) {
                    decided += assertBandsAgree(meanReversion("band", window, k, "1"), window, d(k), unit, random);
                }
            }
        }
        // 2·window + 1 decisions per strategy
        assertThat(decided).isEqualTo(units.length * ks.length * (5 + 9 + 11 + 17 + 41));
    }

    /** Steps a random walk of closes in multiples of {@code unit}·10^-8 through a ring; returns the decisions. */
    private static int assertBandsAgree(StrategySpec spec, int window, BigDecimal k, long unit,
                                        SplittableRandom random) {
        Strategy strategy = Strategies.create(spec);
        CloseRing ring = new CloseRing(PriceWindow.empty(window));
        List<BigDecimal> appended = new ArrayList<>();
        long level = 1_000;
        int decided = 0;
        for (int i = 0; i < 3 * window; i++) {
            level = Math.max(1, level + random.nextLong(-60, 61));
            BigDecimal close = new BigDecimal(BigInteger.valueOf(level).multiply(BigInteger.valueOf(unit)),
                    Decimals.SCALE);
            ring.append(close);
            appended.add(close);
            if (appended.size() < window) {
                continue;
            }
            List<BigDecimal> last = appended.subList(appended.size() - window, appended.size());
            SortedMap<String, BigDecimal> expected = expectedIndicators(last, k);
            Action action = close.compareTo(expected.get("lowerBand")) < 0 ? Action.BUY
                    : close.compareTo(expected.get("upperBand")) > 0 ? Action.SELL : Action.HOLD;

            Signal signal = strategy.decide(ring, bar("AAA", i, close.toPlainString()));

            assertThat(signal.indicators()).as("window %s, k %s", last, k).isEqualTo(expected);
            assertThat(signal.action()).isEqualTo(action);
            decided++;
        }
        return decided;
    }
}
