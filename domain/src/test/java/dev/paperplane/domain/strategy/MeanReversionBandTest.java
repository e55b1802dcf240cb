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
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
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
        assertThat(MeanReversionBand.populationStandardDeviation(values("2", "4", "4", "4", "5", "5", "7", "9")))
                .isEqualTo(d("2"));
        assertThat(MeanReversionBand.populationStandardDeviation(values("1", "2"))).isEqualTo(d("0.5"));
    }

    @Test
    void standardDeviationIsRoundedHalfEvenAtScaleEight() {
        // sqrt(2/3) = 0.816496580927..., sqrt(1.25) = 1.118033988749...
        assertThat(MeanReversionBand.populationStandardDeviation(values("1", "2", "3"))).isEqualTo(d("0.81649658"));
        assertThat(MeanReversionBand.populationStandardDeviation(values("1", "2", "3", "4")))
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

                assertThat(MeanReversionBand.populationStandardDeviation(window)).as("window %s", window)
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

        assertThat(MeanReversionBand.populationStandardDeviation(huge))
                .isEqualTo(variance.sqrt(new MathContext(40)).setScale(Decimals.SCALE, Decimals.ROUNDING));
        assertThat(MeanReversionBand.populationStandardDeviation(values("90000000000", "90000000001.5",
                "89999999999.25", "90000000003"))).as("shifted by the last value, 9·10^18 fits a long")
                .isEqualTo(variance.sqrt(new MathContext(40)).setScale(Decimals.SCALE, Decimals.ROUNDING));
        assertThat(PriceWindow.mean(huge, 0, 4)).isEqualTo(mean.setScale(Decimals.SCALE, Decimals.ROUNDING));
    }
}
