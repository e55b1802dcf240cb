package dev.paperplane.domain.num;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one decimal policy of paperplane: every price, quantity and amount has scale 8, rounded HALF_EVEN.
 */
public final class Decimals {
    /** Digits after the decimal point of every price, quantity and amount. */
    public static final int SCALE = 8;
    /** Rounding applied whenever a result has more digits than {@link #SCALE}. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    /** Zero at the canonical scale. */
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Decimals() {
    }

    /** Brings a value to the canonical scale, rounding HALF_EVEN. */
    public static BigDecimal of(BigDecimal value) {
        return value.scale() == SCALE ? value : value.setScale(SCALE, ROUNDING);
    }

    /** Parses a plain decimal string (no exponent) and brings it to the canonical scale. */
    public static BigDecimal parse(String text) {
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            throw new NumberFormatException("exponent notation is not accepted: " + text);
        }
        return of(new BigDecimal(text));
    }

    /**
     * {@code value × 10^8} at the canonical scale, as a {@code long}: the unscaled form in which sums over many
     * values are exact and cheap.
     *
     * @throws ArithmeticException when it is beyond a {@code long} (beyond about 92 billion)
     */
    public static long unscaled(BigDecimal value) {
        return of(value).movePointRight(SCALE).longValueExact();
    }

    /** A whole number at the canonical scale. */
    public static BigDecimal of(long value) {
        return BigDecimal.valueOf(value).setScale(SCALE);
    }

    /** Product at the canonical scale. */
    public static BigDecimal multiply(BigDecimal a, BigDecimal b) {
        return a.multiply(b).setScale(SCALE, ROUNDING);
    }

    /** Quotient at the canonical scale. */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, SCALE, ROUNDING);
    }

    /** {@code value × bps / 10 000} at the canonical scale. */
    public static BigDecimal basisPoints(BigDecimal value, int bps) {
        return value.multiply(BigDecimal.valueOf(bps)).divide(TEN_THOUSAND, SCALE, ROUNDING);
    }

    /** The canonical text form: plain notation, exactly {@link #SCALE} fraction digits. */
    public static String format(BigDecimal value) {
        return of(value).toPlainString();
    }
}
