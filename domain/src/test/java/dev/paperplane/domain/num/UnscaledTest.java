package dev.paperplane.domain.num;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UnscaledTest {

    private static long expected(long dividend, long divisor) {
        return BigDecimal.valueOf(dividend).divide(BigDecimal.valueOf(divisor), 0, Decimals.ROUNDING)
                .longValueExact();
    }

    @Test
    void divisionRoundsHalfEvenAsBigDecimalDoes() {
        long[] dividends = {0, 1, -1, 2, -2, 3, -3, 5, -5, 7, -7, 149_999_999, -150_000_000, 250_000_000,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1};
        long[] divisors = {1, 2, 3, 4, 20, Unscaled.ONE, Long.MAX_VALUE};
        for (long dividend : dividends) {
            for (long divisor : divisors) {
                assertThat(Unscaled.divide(dividend, divisor)).as("%d / %d", dividend, divisor)
                        .isEqualTo(expected(dividend, divisor));
            }
        }
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            long dividend = random.nextLong();
            long divisor = random.nextBoolean() ? random.nextLong(1, 64) : random.nextLong(1, Long.MAX_VALUE);
            assertThat(Unscaled.divide(dividend, divisor)).as("%d / %d", dividend, divisor)
                    .isEqualTo(expected(dividend, divisor));
        }
    }

    @Test
    void aProductDividedByOneIsDecimalsMultiply() {
        long k = 150_000_000L;
        long sd = 123_456_789L;

        assertThat(Unscaled.decimal(Unscaled.divide(k * sd, Unscaled.ONE)))
                .isEqualTo(Decimals.multiply(Unscaled.decimal(k), Unscaled.decimal(sd)));
    }

    @Test
    void decimalsBeyondALongHaveNoUnscaledLong() {
        assertThat(Unscaled.of(new BigDecimal("92233720368.54775807"))).isEqualTo(Long.MAX_VALUE);
        assertThat(Unscaled.of(new BigDecimal("92233720368.54775808"))).isEqualTo(Unscaled.NONE);
        assertThat(Unscaled.of(new BigDecimal("1.000000005"))).isEqualTo(100_000_000L);
        assertThat(Unscaled.decimal(100_000_000L)).isEqualTo(Decimals.of(BigDecimal.ONE));
    }
}
