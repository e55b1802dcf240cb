package dev.paperplane.domain.risk;

import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Deterministic pre-trade limits, applied to every order before it is filled.
 *
 * @param maxPosition      largest absolute position per instrument
 * @param maxOrderNotional largest quantity × price of one order
 * @param maxShort         largest short position per instrument (0 forbids shorting)
 */
public record RiskLimits(BigDecimal maxPosition, BigDecimal maxOrderNotional, BigDecimal maxShort) {
    public RiskLimits {
        maxPosition = nonNegative("maxPosition", maxPosition);
        maxOrderNotional = nonNegative("maxOrderNotional", maxOrderNotional);
        maxShort = nonNegative("maxShort", maxShort);
    }

    private static BigDecimal nonNegative(String name, BigDecimal value) {
        BigDecimal scaled = Decimals.of(Objects.requireNonNull(value, name));
        if (scaled.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value.toPlainString());
        }
        return scaled;
    }
}
