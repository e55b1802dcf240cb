package dev.paperplane.domain.strategy;

import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a strategy decided on one bar and why.
 *
 * @param quantity   how much to trade: zero for HOLD, positive for BUY and SELL
 * @param reason     human-readable explanation of the decision
 * @param indicators the indicator values the decision was based on, by name
 */
public record Signal(Action action, BigDecimal quantity, String reason, SortedMap<String, BigDecimal> indicators) {
    public Signal {
        Objects.requireNonNull(action, "action");
        quantity = Decimals.of(Objects.requireNonNull(quantity, "quantity"));
        Objects.requireNonNull(reason, "reason");
        if (action == Action.HOLD && quantity.signum() != 0) {
            throw new IllegalArgumentException("a HOLD has quantity 0, was " + quantity.toPlainString());
        }
        if (action != Action.HOLD && quantity.signum() <= 0) {
            throw new IllegalArgumentException("a " + action + " needs a positive quantity, was "
                    + quantity.toPlainString());
        }
        TreeMap<String, BigDecimal> scaled = new TreeMap<>();
        indicators.forEach((name, value) -> scaled.put(name, Decimals.of(value)));
        indicators = Collections.unmodifiableSortedMap(scaled);
    }

    /** A decision to do nothing on this bar. */
    public static Signal hold(String reason, SortedMap<String, BigDecimal> indicators) {
        return new Signal(Action.HOLD, Decimals.ZERO, reason, indicators);
    }
}
