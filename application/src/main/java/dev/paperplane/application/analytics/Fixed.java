package dev.paperplane.application.analytics;

import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.num.Unscaled;
import java.math.BigDecimal;

/** A mutable decimal at scale 8: its unscaled value in a {@code long} while it fits, else exactly a BigDecimal. */
final class Fixed {
    /** Not a value: a long result that does not fit, and the unscaled field of a value kept as a BigDecimal. */
    static final long NONE = Unscaled.NONE;
    /** Zero, to read only: never the target of a {@code set}. */
    static final Fixed ZERO = new Fixed();

    // Every operation gives the bytes Decimals gives: scale 8, HALF_EVEN. The long path is the common one; a value
    // beyond about ±92 billion (or a product or quotient beyond that) takes the BigDecimal path and comes back to
    // the long one as soon as a result fits again.
    private long unscaled;
    /** The value when it is beyond a long at scale 8 (then {@code unscaled} is {@link #NONE}), else null. */
    private BigDecimal wide;

    /** Zero. */
    Fixed() {
    }

    /** A copy that goes on independently. */
    Fixed copy() {
        Fixed copy = new Fixed();
        copy.set(this);
        return copy;
    }

    /** The value, at scale 8. */
    BigDecimal decimal() {
        return wide != null ? wide : Unscaled.decimal(unscaled);
    }

    /** The value × 10^8, or {@link #NONE} when that is beyond a long. */
    long unscaled() {
        return unscaled;
    }

    /** Sets {@code Decimals.of(value)}. */
    Fixed set(BigDecimal value) {
        long u = Unscaled.of(value);
        return u != NONE ? set(u) : wide(Decimals.of(value));
    }

    Fixed set(Fixed value) {
        assert this != ZERO : "ZERO is shared: it is read, never set";
        unscaled = value.unscaled;
        wide = value.wide;
        return this;
    }

    Fixed setZero() {
        return set(0L);
    }

    /** a + b. */
    Fixed setSum(Fixed a, Fixed b) {
        long sum = a.unscaled + b.unscaled;
        // overflow iff both operands have the sign the sum lacks; a wide operand takes the BigDecimal path
        boolean fits = ((a.unscaled ^ sum) & (b.unscaled ^ sum)) >= 0 && a.wide == null && b.wide == null;
        return fits && sum != NONE ? set(sum) : set(a.decimal().add(b.decimal()));
    }

    /** a − b. */
    Fixed setDifference(Fixed a, Fixed b) {
        long difference = a.unscaled - b.unscaled;
        boolean fits = ((a.unscaled ^ b.unscaled) & (a.unscaled ^ difference)) >= 0 && a.wide == null
                && b.wide == null;
        return fits && difference != NONE ? set(difference) : set(a.decimal().subtract(b.decimal()));
    }

    Fixed add(Fixed value) {
        return setSum(this, value);
    }

    Fixed subtract(Fixed value) {
        return setDifference(this, value);
    }

    /** |value|. */
    Fixed setAbs(Fixed value) {
        if (value.signum() >= 0) {
            return set(value);
        }
        return value.wide == null ? set(-value.unscaled) : set(value.wide.negate());
    }

    /** a × b as {@code Decimals.multiply}. */
    Fixed setProduct(Fixed a, Fixed b) {
        long u = a.wide == null && b.wide == null ? quotient(a.unscaled, b.unscaled, 0, 0, Unscaled.ONE) : NONE;
        return u != NONE ? set(u) : set(Decimals.multiply(a.decimal(), b.decimal()));
    }

    /** (a × b + c × d) / divisor as {@code Decimals.divide(a.multiply(b).add(c.multiply(d)), divisor)}. */
    Fixed setQuotient(Fixed a, Fixed b, Fixed c, Fixed d, Fixed divisor) {
        boolean narrow = a.wide == null && b.wide == null && c.wide == null && d.wide == null && divisor.wide == null;
        long u = narrow && divisor.unscaled != 0
                ? quotient(a.unscaled, b.unscaled, c.unscaled, d.unscaled, divisor.unscaled) : NONE;
        return u != NONE ? set(u)
                : set(Decimals.divide(a.decimal().multiply(b.decimal()).add(c.decimal().multiply(d.decimal())),
                divisor.decimal()));
    }

    int signum() {
        return wide != null ? wide.signum() : Long.signum(unscaled);
    }

    int compareTo(Fixed other) {
        return wide == null && other.wide == null ? Long.compare(unscaled, other.unscaled)
                : decimal().compareTo(other.decimal());
    }

    private Fixed set(long u) {
        assert this != ZERO : "ZERO is shared: it is read, never set";
        unscaled = u;
        wide = null;
        return this;
    }

    private Fixed wide(BigDecimal value) {
        assert this != ZERO : "ZERO is shared: it is read, never set";
        unscaled = NONE;
        wide = value;
        return this;
    }

    /**
     * round(({@code a × b + c × d}) / {@code divisor}) HALF_EVEN, of unscaled values: exact in 128 bits, or
     * {@link #NONE} when the quotient is beyond a long. With the operands at scale 8 and the divisor 10^8 it is
     * their product at scale 8; with a divisor at scale 8 it is the quotient of the scale-16 sum at scale 8.
     * No operand may be {@link #NONE}; the divisor is not 0.
     */
    static long quotient(long a, long b, long c, long d, long divisor) {
        if (a == NONE || b == NONE || c == NONE || d == NONE || divisor == NONE) {
            return NONE;
        }
        long lo1 = a * b;
        long lo = lo1 + c * d;
        // each product is below 2^126 in magnitude, so their signed 128-bit sum cannot overflow
        long hi = Math.multiplyHigh(a, b) + Math.multiplyHigh(c, d) + (Long.compareUnsigned(lo, lo1) < 0 ? 1 : 0);
        boolean negative = hi < 0;
        if (negative) {
            lo = -lo;
            hi = ~hi + (lo == 0 ? 1 : 0);
        }
        if (divisor < 0) {
            negative = !negative;
            divisor = -divisor;
        }
        long q = hi == 0 && lo >= 0 ? Unscaled.divide(lo, divisor) : roundedQuotient(hi, lo, divisor);
        return q == NONE ? NONE : negative ? -q : q;
    }

    /**
     * The unsigned 128-bit {@code hi:lo} divided by a positive divisor, rounded HALF_EVEN, or {@link #NONE} when
     * that is beyond a long. Knuth's algorithm D for two 64-bit words by one (Hacker's Delight, divlu).
     */
    static long roundedQuotient(long hi, long lo, long divisor) {
        if (Long.compareUnsigned(hi, divisor) >= 0) {
            return NONE; // the quotient needs more than 64 bits
        }
        long q = divideUnsigned(hi, lo, divisor);
        if (q < 0) {
            return NONE; // 2^63 or more
        }
        // the remainder's low 64 bits are all of it: it is below the divisor
        q = halfEven(q, lo - q * divisor, divisor);
        return q < 0 ? NONE : q; // q < 0: rounding up went past Long.MAX_VALUE
    }

    /** The truncated quotient {@code q} rounded HALF_EVEN by its remainder (unsigned, below the divisor). */
    private static long halfEven(long q, long remainder, long divisor) {
        int half = Long.compareUnsigned(remainder, divisor - remainder);
        return half > 0 || (half == 0 && (q & 1) != 0) ? q + 1 : q;
    }

    /** {@code hi:lo / divisor}, unsigned; {@code hi} is below the divisor, so the quotient fits in 64 bits. */
    private static long divideUnsigned(long hi, long lo, long divisor) {
        final long base = 1L << 32;
        int shift = Long.numberOfLeadingZeros(divisor);
        long v = divisor << shift; // normalized: its top bit set
        long vHigh = v >>> 32;
        long vLow = v & 0xFFFF_FFFFL;
        long top = shift == 0 ? hi : hi << shift | lo >>> (64 - shift);
        long low = lo << shift;
        long low1 = low >>> 32;
        long low0 = low & 0xFFFF_FFFFL;

        long q1 = Long.divideUnsigned(top, vHigh);
        long rHat = top - q1 * vHigh;
        while (Long.compareUnsigned(q1, base) >= 0 || Long.compareUnsigned(q1 * vLow, rHat * base + low1) > 0) {
            q1--;
            rHat += vHigh;
            if (Long.compareUnsigned(rHat, base) >= 0) {
                break;
            }
        }
        long middle = top * base + low1 - q1 * v;
        long q0 = Long.divideUnsigned(middle, vHigh);
        rHat = middle - q0 * vHigh;
        while (Long.compareUnsigned(q0, base) >= 0 || Long.compareUnsigned(q0 * vLow, rHat * base + low0) > 0) {
            q0--;
            rHat += vHigh;
            if (Long.compareUnsigned(rHat, base) >= 0) {
                break;
            }
        }
        return q1 * base + q0;
    }

    @Override
    public String toString() {
        return decimal().toPlainString();
    }
}
