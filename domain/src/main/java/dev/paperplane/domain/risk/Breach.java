package dev.paperplane.domain.risk;

import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order that would break a risk rule.
 *
 * @param limit     the rule's configured limit
 * @param attempted the figure that exceeded it
 */
public record Breach(RiskRule rule, BigDecimal limit, BigDecimal attempted) {
    public Breach {
        Objects.requireNonNull(rule, "rule");
        limit = Decimals.of(Objects.requireNonNull(limit, "limit"));
        attempted = Decimals.of(Objects.requireNonNull(attempted, "attempted"));
    }
}
