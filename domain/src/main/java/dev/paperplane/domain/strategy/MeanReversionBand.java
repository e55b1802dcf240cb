package dev.paperplane.domain.strategy;

import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code mean-reversion} v1: BUY when the close falls below {@code mean − k·sd} of the last {@code window}
 * closes, SELL when it rises above {@code mean + k·sd}, HOLD inside the band or while the window fills.
 */
public final class MeanReversionBand implements Strategy {
    /** The kind name used in configurations. */
    public static final String KIND = "mean-reversion";
    /** The only version of the logic. */
    public static final int VERSION = 1;

    private final StrategySpec spec;
    private final int window;
    private final BigDecimal k;
    private final BigDecimal quantity;

    MeanReversionBand(StrategySpec spec, int window, BigDecimal k, BigDecimal quantity) {
        this.spec = Objects.requireNonNull(spec, "spec");
        if (window < 2) {
            throw new IllegalArgumentException("mean-reversion needs window >= 2, was " + window);
        }
        this.window = window;
        this.k = Decimals.of(k);
        this.quantity = Decimals.of(quantity);
    }

    @Override
    public StrategySpec spec() {
        return spec;
    }

    @Override
    public int memorySize() {
        return window;
    }

    @Override
    public Signal decide(PriceWindow closes, Bar bar) {
        List<BigDecimal> values = closes.closes();
        int n = values.size();
        if (n < window) {
            return Signal.hold("warming up: " + n + " of " + window + " closes", new TreeMap<>());
        }
        List<BigDecimal> last = values.subList(n - window, n);
        BigDecimal mean = mean(last);
        BigDecimal sd = populationStandardDeviation(last);
        BigDecimal width = Decimals.multiply(k, sd);
        BigDecimal lower = mean.subtract(width);
        BigDecimal upper = mean.add(width);
        BigDecimal close = values.get(n - 1);
        SortedMap<String, BigDecimal> indicators = new TreeMap<>();
        indicators.put("close", close);
        indicators.put("mean", mean);
        indicators.put("stdDev", sd);
        indicators.put("lowerBand", lower);
        indicators.put("upperBand", upper);
        String band = "band [" + Decimals.format(lower) + ", " + Decimals.format(upper) + "] = mean "
                + Decimals.format(mean) + " ± " + Decimals.format(k) + " × sd " + Decimals.format(sd)
                + " over " + window + " closes";
        if (close.compareTo(lower) < 0) {
            return new Signal(Action.BUY, quantity,
                    "close " + Decimals.format(close) + " below lower " + band, indicators);
        }
        if (close.compareTo(upper) > 0) {
            return new Signal(Action.SELL, quantity,
                    "close " + Decimals.format(close) + " above upper " + band, indicators);
        }
        return Signal.hold("close " + Decimals.format(close) + " inside " + band, indicators);
    }

    /** Arithmetic mean at the canonical scale. */
    static BigDecimal mean(List<BigDecimal> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            sum = sum.add(value);
        }
        return Decimals.divide(sum, BigDecimal.valueOf(values.size()));
    }

    /**
     * Population standard deviation, exactly rounded HALF_EVEN to the canonical scale. With every value
     * {@code u/10^8}, {@code sd·10^8 = sqrt(D)/n} for the integer {@code D = n·Σu² − (Σu)²}, so the rounding is
     * decided by integer comparisons alone and never depends on a square-root implementation's last digit.
     */
    static BigDecimal populationStandardDeviation(List<BigDecimal> values) {
        BigInteger n = BigInteger.valueOf(values.size());
        BigInteger sum = BigInteger.ZERO;
        BigInteger sumOfSquares = BigInteger.ZERO;
        for (BigDecimal value : values) {
            BigInteger u = Decimals.of(value).unscaledValue();
            sum = sum.add(u);
            sumOfSquares = sumOfSquares.add(u.multiply(u));
        }
        BigInteger d = n.multiply(sumOfSquares).subtract(sum.multiply(sum));
        BigInteger floor = d.sqrt().divide(n);
        // round(sqrt(D)/n) goes up iff sqrt(D)/n > floor + 1/2, i.e. 4·D > n²·(2·floor + 1)².
        BigInteger twiceFloorPlusOne = floor.shiftLeft(1).add(BigInteger.ONE);
        int half = d.shiftLeft(2).compareTo(n.multiply(n).multiply(twiceFloorPlusOne.multiply(twiceFloorPlusOne)));
        BigInteger rounded = half > 0 || (half == 0 && floor.testBit(0)) ? floor.add(BigInteger.ONE) : floor;
        return new BigDecimal(rounded, Decimals.SCALE);
    }

    @Override
    public String toString() {
        return KIND + " v" + VERSION + " '" + spec.id() + "' window=" + window + " k=" + Decimals.format(k)
                + " quantity=" + Decimals.format(quantity);
    }
}
