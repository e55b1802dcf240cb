package dev.paperplane.domain.audit;

import dev.paperplane.domain.decision.Action;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A simulated fill on the PAPER plane.
 *
 * @param price    fill price: the bar's close moved against the order by the slippage
 * @param notional quantity × price
 * @param fee      fee charged on the notional
 */
public record PaperOrderFilled(Instant time, String strategyId, String instrument, Action side, BigDecimal quantity,
                               BigDecimal price, BigDecimal notional, BigDecimal fee) implements AuditEvent {
    public PaperOrderFilled {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(notional, "notional");
        Objects.requireNonNull(fee, "fee");
        if (side == Action.HOLD) {
            throw new IllegalArgumentException("a fill is a BUY or a SELL");
        }
    }
}
