package dev.paperplane.domain.num;

import java.math.BigDecimal;

/**
 * Canonical decimals as unscaled {@code long}s ({@code value × 10^8}) and the exact arithmetic on them that gives
 * the same results as {@link Decimals}: scale 8, HALF_EVEN.
 */
public final class Unscaled {
    /** Not a value: the unscaled form of a decimal beyond a {@code long}. */
    public static final long NONE = Long.MIN_VALUE;
    /** 1 at scale 8. */
    public static final long ONE = 100_000_000L;

    private Unscaled() {
    }

    /** {@code value × 10^8} at the canonical scale, or {@link #NONE} when that is beyond a {@code long}. */
    public static long of(BigDecimal value) {
        try {
            return Decimals.unscaled(value);
        } catch (ArithmeticException beyondLong) {
            return NONE;
        }
    }

    /** The decimal at scale 8 whose unscaled value is {@code unscaled}. */
    public static BigDecimal decimal(long unscaled) {
        return BigDecimal.valueOf(unscaled, Decimals.SCALE);
    }

    /**
     * {@code dividend / divisor} rounded HALF_EVEN, for a positive divisor: of unscaled values, the mean of a sum
     * over {@code divisor} values ({@code Decimals.divide}), or with the divisor {@link #ONE} the product of two
     * ({@code Decimals.multiply}).
     */
    public static long divide(long dividend, long divisor) {
        long quotient = dividend / divisor;
        long remainder = Math.abs(dividend - quotient * divisor);
        // HALF_EVEN rounds the magnitude, so the sign only says which way is away from zero
        long rest = divisor - remainder;
        if (remainder > rest || (remainder == rest && (quotient & 1) != 0)) {
            quotient += dividend < 0 ? -1 : 1;
        }
        return quotient;
    }
}
