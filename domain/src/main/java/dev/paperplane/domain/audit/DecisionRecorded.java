package dev.paperplane.domain.audit;

import dev.paperplane.domain.decision.Action;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A strategy decided to BUY or SELL on a bar, and why.
 *
 * @param time            the bar's time
 * @param indicators      the indicator values behind the decision, by name
 */
public record DecisionRecorded(Instant time, String strategyId, int strategyVersion, String instrument,
                               Action action, BigDecimal quantity, String reason,
                               SortedMap<String, BigDecimal> indicators) implements AuditEvent {
    public DecisionRecorded {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(reason, "reason");
        if (action == Action.HOLD) {
            throw new IllegalArgumentException("a HOLD is not recorded as a decision");
        }
        indicators = Collections.unmodifiableSortedMap(new TreeMap<>(indicators));
    }
}
