package dev.paperplane.application.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.num.Unscaled;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlainDecimalTest {

    /** What the feed read before: the value and scale of {@code Decimals.parse}. */
    private static void assertParsedAsDecimalsParses(String text) {
        BigDecimal expected = Decimals.parse(text);
        long unscaled = PlainDecimal.unscaled(text);
        if (unscaled == Unscaled.NONE) {
            // only a value at the edge of a long or beyond one is left to BigDecimal
            assertThat(expected.unscaledValue().abs().bitLength()).as(text).isGreaterThanOrEqualTo(63);
        } else {
            assertThat(BigDecimal.valueOf(unscaled, Decimals.SCALE)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void signsLeadingZerosAndBarePointsParseAsBigDecimalDoes() {
        for (String text : new String[] {"0", "-0", "+0", "10", "+10.5", "-10.5", "007", "000000000000000001.5",
                ".5", "5.", "+.5", "-5.", "0.00000001", "123456789.12345678", "1.000000000000000000"}) {
            assertParsedAsDecimalsParses(text);
        }
        assertThat(PlainDecimal.unscaled("+.5")).isEqualTo(50_000_000L);
        assertThat(PlainDecimal.unscaled("007")).isEqualTo(700_000_000L);
        assertThat(PlainDecimal.unscaled("-5.")).isEqualTo(-500_000_000L);
    }

    @Test
    void digitsBeyondTheEighthRoundHalfEven() {
        assertThat(PlainDecimal.unscaled("0.000000005")).isZero();
        assertThat(PlainDecimal.unscaled("0.000000015")).isEqualTo(2);
        assertThat(PlainDecimal.unscaled("0.0000000050000000001")).isEqualTo(1);
        assertThat(PlainDecimal.unscaled("0.000000004999999999")).isZero();
        assertThat(PlainDecimal.unscaled("-0.000000015")).isEqualTo(-2);
        assertThat(PlainDecimal.unscaled("-0.000000005")).isZero();
        assertThat(PlainDecimal.unscaled("2.999999999999999999")).isEqualTo(300_000_000L);
        for (String text : new String[] {"0.000000005", "0.000000015", "-0.000000025", "1.123456785000000000",
                "1.123456775000000001", "9.999999995"}) {
            assertParsedAsDecimalsParses(text);
        }
    }

    @Test
    void valuesAtAndBeyondTheEdgeOfALongAreLeftToBigDecimal() {
        assertThat(PlainDecimal.unscaled("92233720368.54775799")).isEqualTo(9_223_372_036_854_775_799L);
        // within 10 of the largest long, the accumulation leaves it to BigDecimal
        assertThat(PlainDecimal.unscaled("92233720368.54775807")).isEqualTo(Unscaled.NONE);
        assertThat(PlainDecimal.unscaled("92233720368.54775808")).isEqualTo(Unscaled.NONE);
        assertThat(PlainDecimal.unscaled("92233720368.547758075")).isEqualTo(Unscaled.NONE);
        assertThat(PlainDecimal.unscaled("999999999999999999")).isEqualTo(Unscaled.NONE);
        assertThat(PlainDecimal.unscaled("-999999999999999999.999999999999999999")).isEqualTo(Unscaled.NONE);
        assertThat(PlainDecimal.unscaled("9999999999.99999999")).isEqualTo(999_999_999_999_999_999L);
    }

    @Test
    void randomPlainDecimalsWithinTheFeedsBoundsParseAsBigDecimalDoes() {
        SplittableRandom random = new SplittableRandom(19);
        String[] signs = {"", "", "+", "-"};
        // fraction digits weighted towards 0, 5 and 9, so that ties and carries are common
        String digits = "0123456789000559";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder(signs[random.nextInt(signs.length)]);
            int integerDigits = random.nextInt(0, FeedBounds.MAX_INTEGER_DIGITS + 1);
            for (int d = 0; d < integerDigits; d++) {
                text.append(digits.charAt(random.nextInt(digits.length())));
            }
            int fractionDigits = random.nextInt(integerDigits == 0 ? 1 : 0, FeedBounds.MAX_FRACTION_DIGITS + 1);
            if (fractionDigits > 0 || random.nextBoolean()) {
                text.append('.');
            }
            for (int d = 0; d < fractionDigits; d++) {
                text.append(digits.charAt(random.nextInt(digits.length())));
            }
            assertParsedAsDecimalsParses(text.toString());
        }
    }

    @Test
    void theFeedReadsTheFastPathAndTheFallbackAlikeAndRefusesANegativeAsBefore() {
        assertThat(FeedBounds.decimal("open", " +010.123456785 ")).isEqualTo(new BigDecimal("10.12345678"));
        assertThat(FeedBounds.decimal("volume", "-0.000000005")).isEqualTo(new BigDecimal("0E-8"));
        assertThat(FeedBounds.decimal("volume", "999999999999999999.5"))
                .isEqualTo(new BigDecimal("999999999999999999.50000000"));
        assertThatThrownBy(() -> FeedBounds.decimal("low", "-0.000000006"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("low -0.000000006 is negative");
        assertThatThrownBy(() -> FeedBounds.decimal("low", "-999999999999999999"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("low -999999999999999999 is negative");
        assertThatThrownBy(() -> FeedBounds.decimal("high", "1e3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("high '1e3' is not a plain decimal number");
    }
}
