package dev.paperplane.domain.strategy;

import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.num.Unscaled;
import java.math.BigDecimal;
import java.math.BigInteger;
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
    // k × 10^8, or Unscaled.NONE when beyond a long (then the band is worked out in BigDecimals)
    private final long kUnscaled;

    MeanReversionBand(StrategySpec spec, int window, BigDecimal k, BigDecimal quantity) {
        this.spec = Objects.requireNonNull(spec, "spec");
        if (window < 2) {
            throw new IllegalArgumentException("mean-reversion needs window >= 2, was " + window);
        }
        this.window = window;
        this.k = Decimals.of(k);
        this.kUnscaled = Unscaled.of(this.k);
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
    public Signal decide(CloseRing closes, Bar bar) {
        int n = closes.size();
        if (n < window) {
            return Signal.hold(() -> "warming up: " + n + " of " + window + " closes", TreeMap::new);
        }
        Band band = band(closes, n - window, n);
        BigDecimal close = closes.close(n - 1);
        if (close.compareTo(band.lower()) < 0) {
            return new Signal(Action.BUY, quantity, "close " + Decimals.format(close) + " below lower "
                    + describe(band), indicators(close, band));
        }
        if (close.compareTo(band.upper()) > 0) {
            return new Signal(Action.SELL, quantity, "close " + Decimals.format(close) + " above upper "
                    + describe(band), indicators(close, band));
        }
        return Signal.hold(() -> "close " + Decimals.format(close) + " inside " + describe(band),
                () -> indicators(close, band));
    }

    /** The band's figures, each at the canonical scale. */
    private record Band(BigDecimal mean, BigDecimal sd, BigDecimal lower, BigDecimal upper) {
    }

    /**
     * {@code mean ± k·sd} of the closes {@code [from, to)}, as {@code Decimals} rounds each step: in exact
     * {@code long} arithmetic, or with {@code BigDecimal}s when a value or an intermediate is beyond a {@code long}.
     */
    private Band band(CloseRing closes, int from, int to) {
        try {
            if (kUnscaled == Unscaled.NONE) {
                throw new ArithmeticException("k is beyond a long at scale 8");
            }
            long mean = Unscaled.divide(closes.sum(from, to), to - from);
            long sd = roundedSqrtOverN(closes, from, to);
            long width = Unscaled.divide(Math.multiplyExact(kUnscaled, sd), Unscaled.ONE);
            return new Band(Unscaled.decimal(mean), Unscaled.decimal(sd),
                    Unscaled.decimal(Math.subtractExact(mean, width)), Unscaled.decimal(Math.addExact(mean, width)));
        } catch (ArithmeticException beyondLong) {
            BigDecimal mean = closes.mean(from, to);
            BigDecimal sd = populationStandardDeviation(closes, from, to);
            BigDecimal width = Decimals.multiply(k, sd);
            return new Band(mean, sd, mean.subtract(width), mean.add(width));
        }
    }

    private String describe(Band band) {
        return "band [" + Decimals.format(band.lower()) + ", " + Decimals.format(band.upper()) + "] = mean "
                + Decimals.format(band.mean()) + " ± " + Decimals.format(k) + " × sd " + Decimals.format(band.sd())
                + " over " + window + " closes";
    }

    private static SortedMap<String, BigDecimal> indicators(BigDecimal close, Band band) {
        SortedMap<String, BigDecimal> indicators = new TreeMap<>();
        indicators.put("close", close);
        indicators.put("mean", band.mean());
        indicators.put("stdDev", band.sd());
        indicators.put("lowerBand", band.lower());
        indicators.put("upperBand", band.upper());
        return indicators;
    }

    /**
     * Population standard deviation of the closes {@code [from, to)}, exactly rounded HALF_EVEN to the canonical
     * scale. With every value {@code u/10^8}, {@code sd·10^8 = sqrt(D)/n} for the integer {@code D = n·Σu² − (Σu)²},
     * so the rounding is decided by integer comparisons alone and never depends on a square-root implementation's
     * last digit.
     * {@code D} is the same for values shifted by any constant; shifted by the last value, it fits a {@code long}
     * for any realistic window, and is computed with {@link BigInteger} only when it does not.
     */
    static BigDecimal populationStandardDeviation(CloseRing closes, int from, int to) {
        try {
            return Unscaled.decimal(roundedSqrtOverN(closes, from, to));
        } catch (ArithmeticException beyondLong) {
            return new BigDecimal(roundedSqrtOverN(closes, from, to, BigInteger.valueOf(to - from)), Decimals.SCALE);
        }
    }

    /**
     * {@code round(sqrt(D)/n)} of the closes {@code [from, to)} in exact {@code long} arithmetic; an
     * {@link ArithmeticException} when a value or an intermediate is beyond a {@code long}.
     */
    private static long roundedSqrtOverN(CloseRing closes, int from, int to) {
        long n = to - from;
        long shift = closes.unscaled(to - 1);
        long sum = 0;
        long sumOfSquares = 0;
        for (int i = from; i < to; i++) {
            long v = Math.subtractExact(closes.unscaled(i), shift);
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

    /** {@link #roundedSqrtOverN(CloseRing, int, int)} with {@link BigInteger}s, for values beyond a {@code long}. */
    private static BigInteger roundedSqrtOverN(CloseRing closes, int from, int to, BigInteger n) {
        BigInteger sum = BigInteger.ZERO;
        BigInteger sumOfSquares = BigInteger.ZERO;
        for (int i = from; i < to; i++) {
            BigInteger u = closes.close(i).unscaledValue();
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
