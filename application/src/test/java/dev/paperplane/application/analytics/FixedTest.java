package dev.paperplane.application.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Fixed} gives exactly what {@link Decimals} gives (value and scale, HALF_EVEN ties included), on the long
 * path, on the BigDecimal path past a long, and across the boundary between them.
 */
class FixedTest {
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE, Decimals.SCALE);

    private static Fixed f(String text) {
        return new Fixed().set(new BigDecimal(text));
    }

    private static Fixed f(BigDecimal value) {
        return new Fixed().set(value);
    }

    @Test
    void keepsAValueThatFitsAsItsUnscaledLongAndALargerOneExactly() {
        assertThat(f("1.5").unscaled()).isEqualTo(150_000_000L);
        assertThat(f(LONG_MAX).unscaled()).isEqualTo(Long.MAX_VALUE);
        assertThat(f("-92233720368.54775807").unscaled()).isEqualTo(-Long.MAX_VALUE);
        // one more digit than a long holds, and Long.MIN_VALUE itself (the mark of a wide value)
        assertThat(f("92233720368.54775808").unscaled()).isEqualTo(Fixed.NONE);
        assertThat(f("92233720368.54775808").decimal()).isEqualTo(new BigDecimal("92233720368.54775808"));
        assertThat(f("-92233720368.54775808").unscaled()).isEqualTo(Fixed.NONE);
        assertThat(f("-92233720368.54775808").decimal()).isEqualTo(new BigDecimal("-92233720368.54775808"));
    }

    @Test
    void theSharedZeroCannotBeSet() {
        Fixed one = new Fixed().set(BigDecimal.ONE);

        assertThatThrownBy(() -> Fixed.ZERO.set(one)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Fixed.ZERO.add(one)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Fixed.ZERO.set(new BigDecimal("1E+30"))).isInstanceOf(AssertionError.class);
        assertThat(Fixed.ZERO.signum()).isZero();
    }

    @Test
    void roundsTiesToEvenWhenBroughtToScaleEight() {
        assertThat(f("0.000000005").decimal()).isEqualTo(new BigDecimal("0.00000000"));
        assertThat(f("0.000000015").decimal()).isEqualTo(new BigDecimal("0.00000002"));
        assertThat(f("-0.000000025").decimal()).isEqualTo(new BigDecimal("-0.00000002"));
        assertThat(f("7").decimal().scale()).isEqualTo(8);
    }

    @Test
    void productsRoundTiesToEvenOnBothSigns() {
        Fixed half = f("0.5");
        assertThat(new Fixed().setProduct(f("0.00000001"), half).decimal()).isEqualTo(new BigDecimal("0E-8"));
        assertThat(new Fixed().setProduct(f("0.00000003"), half).decimal()).isEqualTo(new BigDecimal("0.00000002"));
        assertThat(new Fixed().setProduct(f("-0.00000003"), half).decimal()).isEqualTo(new BigDecimal("-0.00000002"));
        assertThat(new Fixed().setProduct(f("-0.00000005"), half).decimal()).isEqualTo(new BigDecimal("-0.00000002"));
        // just above and below the tie
        assertThat(new Fixed().setProduct(f("0.00000001"), f("0.50000001")).decimal())
                .isEqualTo(new BigDecimal("0.00000001"));
        assertThat(new Fixed().setProduct(f("0.00000003"), f("0.49999999")).decimal())
                .isEqualTo(new BigDecimal("0.00000001"));
    }

    @Test
    void quotientsRoundTiesToEven() {
        Fixed zero = new Fixed();
        // 0.00000001 / 2 = 0.000000005 → 0; 0.00000003 / 2 → 0.00000002; and a negative divisor
        assertThat(new Fixed().setQuotient(f("0.00000001"), f("1"), zero, zero, f("2")).decimal())
                .isEqualTo(new BigDecimal("0E-8"));
        assertThat(new Fixed().setQuotient(f("0.00000003"), f("1"), zero, zero, f("2")).decimal())
                .isEqualTo(new BigDecimal("0.00000002"));
        assertThat(new Fixed().setQuotient(f("0.00000003"), f("1"), zero, zero, f("-2")).decimal())
                .isEqualTo(new BigDecimal("-0.00000002"));
        assertThatThrownBy(() -> new Fixed().setQuotient(f("1"), f("1"), zero, zero, zero))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void theLongQuotientStopsExactlyAtALongsLimits() {
        // Long.MAX_VALUE × 10^8 / 10^8 fits; one more does not; rounding up past the limit does not either
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        assertThat(roundedQuotient(max.multiply(BigInteger.valueOf(100_000_000L)), 100_000_000L))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(roundedQuotient(max.add(BigInteger.ONE).multiply(BigInteger.valueOf(100_000_000L)),
                100_000_000L)).isEqualTo(Fixed.NONE);
        assertThat(roundedQuotient(max.multiply(BigInteger.TWO).add(BigInteger.ONE), 2)).isEqualTo(Fixed.NONE);
        assertThat(roundedQuotient(max.multiply(BigInteger.TWO), 2)).isEqualTo(Long.MAX_VALUE);
        // the quotient needs 64 bits or more
        assertThat(roundedQuotient(BigInteger.ONE.shiftLeft(127), Long.MAX_VALUE)).isEqualTo(Fixed.NONE);
        assertThat(Fixed.quotient(Long.MAX_VALUE, Long.MAX_VALUE, 0, 0, 100_000_000L)).isEqualTo(Fixed.NONE);
        assertThat(Fixed.quotient(Fixed.NONE, 1, 0, 0, 1)).isEqualTo(Fixed.NONE);
    }

    @Test
    void theLongQuotientIsBigIntegersRoundedHalfEven() {
        Random random = new Random(18);
        for (int i = 0; i < 200_000; i++) {
            BigInteger dividend = new BigInteger(1 + random.nextInt(127), random);
            long divisor = randomLong(random, 1 + random.nextInt(63));
            if (divisor <= 0) {
                continue;
            }
            BigInteger expected = new BigDecimal(dividend).divide(BigDecimal.valueOf(divisor), 0,
                    RoundingMode.HALF_EVEN).toBigIntegerExact();
            long actual = roundedQuotient(dividend, divisor);
            if (expected.bitLength() < 64) {
                assertThat(actual).as("%s / %d", dividend, divisor).isEqualTo(expected.longValueExact());
            } else {
                assertThat(actual).as("%s / %d", dividend, divisor).isEqualTo(Fixed.NONE);
            }
        }
    }

    @Test
    void everyOperationEqualsDecimalsOverRandomValuesOnBothPaths() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            BigDecimal a = randomDecimal(random);
            BigDecimal b = randomDecimal(random);
            BigDecimal c = randomDecimal(random);
            BigDecimal d = randomDecimal(random);
            BigDecimal e = randomDecimal(random);
            Fixed fa = f(a);
            Fixed fb = f(b);
            String at = a + ", " + b + ", " + c + ", " + d + ", " + e;
            assertThat(new Fixed().setSum(fa, fb).decimal()).as(at).isEqualTo(a.add(b));
            assertThat(new Fixed().setDifference(fa, fb).decimal()).as(at).isEqualTo(a.subtract(b));
            assertThat(fa.copy().add(fb).decimal()).as(at).isEqualTo(a.add(b));
            assertThat(fa.copy().subtract(fb).decimal()).as(at).isEqualTo(a.subtract(b));
            assertThat(new Fixed().setProduct(fa, fb).decimal()).as(at).isEqualTo(Decimals.multiply(a, b));
            assertThat(new Fixed().setAbs(fa).decimal()).as(at).isEqualTo(a.abs());
            assertThat(fa.compareTo(fb)).as(at).isEqualTo(a.compareTo(b));
            assertThat(fa.signum()).as(at).isEqualTo(a.signum());
            if (e.signum() != 0) {
                assertThat(new Fixed().setQuotient(fa, fb, f(c), f(d), f(e)).decimal()).as(at)
                        .isEqualTo(Decimals.divide(a.multiply(b).add(c.multiply(d)), e));
            }
            // the long form is used exactly when the value fits a long at scale 8 (and is not NONE)
            Fixed sum = new Fixed().setSum(fa, fb);
            assertThat(sum.unscaled() != Fixed.NONE).as(at).isEqualTo(fitsALong(a.add(b)));
        }
    }

    @Test
    void aValueGoesWideAndComesBackToTheLongPathExactly() {
        Fixed value = f(LONG_MAX);
        value.add(f("0.00000001"));
        assertThat(value.unscaled()).isEqualTo(Fixed.NONE);
        assertThat(value.decimal()).isEqualTo(new BigDecimal("92233720368.54775808"));
        value.add(f("0.00000001"));
        assertThat(value.decimal()).isEqualTo(new BigDecimal("92233720368.54775809"));
        value.subtract(f("0.00000002"));
        assertThat(value.unscaled()).isEqualTo(Long.MAX_VALUE);
        Fixed product = new Fixed().setProduct(f("300000"), f("400000"));
        assertThat(product.decimal()).isEqualTo(new BigDecimal("120000000000.00000000"));
        assertThat(new Fixed().setQuotient(f("300000"), f("400000"), new Fixed(), new Fixed(), f("2")).unscaled())
                .isEqualTo(6_000_000_000_000_000_000L);
    }

    private static long roundedQuotient(BigInteger dividend, long divisor) {
        return Fixed.roundedQuotient(dividend.shiftRight(64).longValue(), dividend.longValue(), divisor);
    }

    /** A value of up to 13 integer digits (so past a long at scale 8 at times) or a small one, at scale 0 to 10. */
    private static BigDecimal randomDecimal(Random random) {
        int kind = random.nextInt(10);
        long unscaled = switch (kind) {
            case 0 -> 0;
            case 1 -> Long.MAX_VALUE - random.nextInt(1_000);
            case 2 -> random.nextInt(1_000);
            default -> randomLong(random, 1 + random.nextInt(kind < 6 ? 40 : 63));
        };
        BigDecimal value = BigDecimal.valueOf(random.nextBoolean() ? unscaled : -unscaled,
                kind == 9 ? random.nextInt(11) : Decimals.SCALE);
        if (kind == 1 && random.nextBoolean()) {
            value = value.multiply(BigDecimal.valueOf(1 + random.nextInt(20_000)));
        }
        return Decimals.of(value);
    }

    private static long randomLong(Random random, int bits) {
        return bits >= 63 ? random.nextLong() & Long.MAX_VALUE : random.nextLong() & ((1L << bits) - 1);
    }

    private static boolean fitsALong(BigDecimal value) {
        return value.compareTo(LONG_MAX) <= 0 && value.compareTo(LONG_MAX.negate()) >= 0;
    }
}
