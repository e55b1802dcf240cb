package dev.paperplane.application.feed;

import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.num.Unscaled;

/**
 * A plain decimal's text parsed straight to its unscaled value at the canonical scale, without a
 * {@code BigDecimal}: the feed's five numbers per bar are read here.
 */
final class PlainDecimal {
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L};

    private PlainDecimal() {
    }

    /**
     * {@code plain × 10^8} rounded HALF_EVEN, the unscaled value of {@code Decimals.parse(plain)}, or
     * {@link Unscaled#NONE} when that is beyond a {@code long}. {@code plain} must already be checked: an optional
     * sign, ASCII digits and at most one point, at least one digit.
     */
    static long unscaled(String plain) {
        int at = 0;
        char first = plain.charAt(0);
        boolean negative = first == '-';
        if (negative || first == '+') {
            at = 1;
        }
        long magnitude = 0;
        int fractionDigits = -1; // -1 before the point; the digits beyond the scale only round
        int roundingDigit = 0;
        boolean beyondRoundingDigit = false;
        for (; at < plain.length(); at++) {
            char c = plain.charAt(at);
            if (c == '.') {
                fractionDigits = 0;
            } else if (fractionDigits < Decimals.SCALE) {
                if (magnitude > (Long.MAX_VALUE - 9) / 10) {
                    return Unscaled.NONE;
                }
                magnitude = magnitude * 10 + (c - '0');
                if (fractionDigits >= 0) {
                    fractionDigits++;
                }
            } else if (fractionDigits == Decimals.SCALE) {
                roundingDigit = c - '0';
                fractionDigits++;
            } else {
                beyondRoundingDigit |= c != '0';
            }
        }
        long pad = POWERS_OF_TEN[Decimals.SCALE - Math.clamp(fractionDigits, 0, Decimals.SCALE)];
        if (magnitude > Long.MAX_VALUE / pad) {
            return Unscaled.NONE;
        }
        magnitude *= pad;
        // HALF_EVEN rounds the magnitude: the sign does not change which way
        if (roundingDigit > 5 || (roundingDigit == 5 && (beyondRoundingDigit || (magnitude & 1) != 0))) {
            if (magnitude == Long.MAX_VALUE) {
                return Unscaled.NONE;
            }
            magnitude++;
        }
        return negative ? -magnitude : magnitude;
    }
}
