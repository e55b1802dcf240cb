package dev.paperplane.domain.audit;

import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.risk.RiskRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A decided order breached a risk rule and was not filled.
 *
 * @param limit   the configured limit of the breached rule
 * @param attempted the figure that breached it (position after fill, notional, or cash needed)
 */
public record OrderRejected(Instant time, String strategyId, String instrument, Action side, BigDecimal quantity,
                            BigDecimal price, RiskRule rule, BigDecimal limit, BigDecimal attempted)
        implements AuditEvent {
    public OrderRejected {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(attempted, "attempted");
    }
}
