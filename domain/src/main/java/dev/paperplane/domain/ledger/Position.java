package dev.paperplane.domain.ledger;

import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An open position in one instrument.
 *
 * @param quantity    signed quantity: positive is long, negative is short
 * @param averageCost average price of the open quantity; 0 when flat
 */
public record Position(BigDecimal quantity, BigDecimal averageCost) {
    /** No position. */
    public static final Position FLAT = new Position(Decimals.ZERO, Decimals.ZERO);

    public Position {
        quantity = Decimals.of(Objects.requireNonNull(quantity, "quantity"));
        averageCost = Decimals.of(Objects.requireNonNull(averageCost, "averageCost"));
        if (averageCost.signum() < 0) {
            throw new IllegalArgumentException("averageCost must not be negative, was " + averageCost.toPlainString());
        }
        if (quantity.signum() == 0 && averageCost.signum() != 0) {
            throw new IllegalArgumentException("a flat position has averageCost 0, was " + averageCost.toPlainString());
        }
    }

    /** Whether nothing is held. */
    public boolean flat() {
        return quantity.signum() == 0;
    }
}
