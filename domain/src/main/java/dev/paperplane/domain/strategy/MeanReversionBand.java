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
            return Signal.hold(() -> "warming up: " + n + " of " + window + " closes", TreeMap::new);
        }
        List<BigDecimal> last = values.subList(n - window, n);
        BigDecimal mean = PriceWindow.mean(last, 0, window);
        BigDecimal sd = populationStandardDeviation(last);
        BigDecimal width = Decimals.multiply(k, sd);
        BigDecimal lower = mean.subtract(width);
        BigDecimal upper = mean.add(width);
        BigDecimal close = values.get(n - 1);
        if (close.compareTo(lower) < 0) {
            return new Signal(Action.BUY, quantity, "close " + Decimals.format(close) + " below lower "
                    + band(mean, sd, lower, upper), indicators(close, mean, sd, lower, upper));
        }
        if (close.compareTo(upper) > 0) {
            return new Signal(Action.SELL, quantity, "close " + Decimals.format(close) + " above upper "
                    + band(mean, sd, lower, upper), indicators(close, mean, sd, lower, upper));
        }
        return Signal.hold(() -> "close " + Decimals.format(close) + " inside " + band(mean, sd, lower, upper),
                () -> indicators(close, mean, sd, lower, upper));
    }

    private String band(BigDecimal mean, BigDecimal sd, BigDecimal lower, BigDecimal upper) {
        return "band [" + Decimals.format(lower) + ", " + Decimals.format(upper) + "] = mean "
                + Decimals.format(mean) + " ± " + Decimals.format(k) + " × sd " + Decimals.format(sd)
                + " over " + window + " closes";
    }

    private static SortedMap<String, BigDecimal> indicators(BigDecimal close, BigDecimal mean, BigDecimal sd,
                                                            BigDecimal lower, BigDecimal upper) {
        SortedMap<String, BigDecimal> indicators = new TreeMap<>();
        indicators.put("close", close);
        indicators.put("mean", mean);
        indicators.put("stdDev", sd);
        indicators.put("lowerBand", lower);
        indicators.put("upperBand", upper);
        return indicators;
    }

    /**
     * Population standard deviation, exactly rounded HALF_EVEN to the canonical scale. With every value
     * {@code u/10^8}, {@code sd·10^8 = sqrt(D)/n} for the integer {@code D = n·Σu² − (Σu)²}, so the rounding is
     * decided by integer comparisons alone and never depends on a square-root implementation's last digit.
     * {@code D} is the same for values shifted by any constant; shifted by the last value, it fits a {@code long}
     * for any realistic window, and is computed with {@link BigInteger} only when it does not.
     */
    static BigDecimal populationStandardDeviation(List<BigDecimal> values) {
        try {
            return new BigDecimal(BigInteger.valueOf(roundedSqrtOverN(values)), Decimals.SCALE);
        } catch (ArithmeticException beyondLong) {
            return new BigDecimal(roundedSqrtOverN(values, BigInteger.valueOf(values.size())), Decimals.SCALE);
        }
    }

    /** {@code round(sqrt(D)/n)} in exact {@code long} arithmetic; an {@link ArithmeticException} on overflow. */
    private static long roundedSqrtOverN(List<BigDecimal> values) {
        long n = values.size();
        long shift = Decimals.unscaled(values.getLast());
        long sum = 0;
        long sumOfSquares = 0;
        for (BigDecimal value : values) {
            long v = Math.subtractExact(Decimals.unscaled(value), shift);
            sum = Math.addExact(sum, v);
            sumOfSquares = Math.addExact(sumOfSquares, Math.multiplyExact(v, v));
        }
        long d = Math.subtractExact(Math.multiplyExact(n, sumOfSquares), Math.multiplyExact(sum, sum));
        long floor = squareRoot(d) / n;
        // round(sqrt(D)/n) goes up iff sqrt(D)/n > floor + 1/2, i.e. 4·D > n²·(2·floor + 1)².
        long twiceFloorPlusOne = Math.addExact(Math.multiplyExact(floor, 2), 1);
        long right = Math.multiplyExact(Math.multiplyExact(n, n),
                Math.multiplyExact(twiceFloorPlusOne, twiceFloorPlusOne));
        int half = Long.compare(Math.multiplyExact(d, 4), right);
        return half > 0 || (half == 0 && (floor & 1) == 1) ? floor + 1 : floor;
    }

    /** {@code floor(sqrt(d))} for {@code d ≥ 0}, by Newton's iteration from above in integers. */
    private static long squareRoot(long d) {
        if (d < 2) {
            return d;
        }
        long x = 1L << ((64 - Long.numberOfLeadingZeros(d) + 1) / 2);
        while (true) {
            long y = (x + d / x) >>> 1;
            if (y >= x) {
                return x;
            }
            x = y;
        }
    }

    /** {@link #roundedSqrtOverN(List)} with {@link BigInteger}s, for values whose sums are beyond a {@code long}. */
    private static BigInteger roundedSqrtOverN(List<BigDecimal> values, BigInteger n) {
        BigInteger sum = BigInteger.ZERO;
        BigInteger sumOfSquares = BigInteger.ZERO;
        for (BigDecimal value : values) {
            BigInteger u = Decimals.of(value).unscaledValue();
            sum = sum.add(u);
            sumOfSquares = sumOfSquares.add(u.multiply(u));
        }
        BigInteger d = n.multiply(sumOfSquares).subtract(sum.multiply(sum));
        BigInteger floor = d.sqrt().divide(n);
        BigInteger twiceFloorPlusOne = floor.shiftLeft(1).add(BigInteger.ONE);
        int half = d.shiftLeft(2).compareTo(n.multiply(n).multiply(twiceFloorPlusOne.multiply(twiceFloorPlusOne)));
        return half > 0 || (half == 0 && floor.testBit(0)) ? floor.add(BigInteger.ONE) : floor;
    }

    @Override
    public String toString() {
        return KIND + " v" + VERSION + " '" + spec.id() + "' window=" + window + " k=" + Decimals.format(k)
                + " quantity=" + Decimals.format(quantity);
    }
}
