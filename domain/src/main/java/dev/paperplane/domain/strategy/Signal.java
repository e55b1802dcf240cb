package dev.paperplane.domain.strategy;

import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a strategy decided on one bar and why. A HOLD is recorded nowhere, so its reason and indicators are only
 * worked out when asked for: a run decides HOLD on most bars and never asks.
 */
public final class Signal {
    private final Action action;
    private final BigDecimal quantity;
    private Supplier<String> explain;
    private Supplier<? extends SortedMap<String, BigDecimal>> measure;
    private String reason;
    private SortedMap<String, BigDecimal> indicators;

    /**
     * A decision.
     *
     * @param quantity   how much to trade: zero for HOLD, positive for BUY and SELL
     * @param reason     human-readable explanation of the decision
     * @param indicators the indicator values the decision was based on, by name
     */
    public Signal(Action action, BigDecimal quantity, String reason, SortedMap<String, BigDecimal> indicators) {
        this(action, quantity);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.indicators = scaled(indicators);
    }

    private Signal(Action action, BigDecimal quantity) {
        this.action = Objects.requireNonNull(action, "action");
        this.quantity = Decimals.of(Objects.requireNonNull(quantity, "quantity"));
        if (action == Action.HOLD && this.quantity.signum() != 0) {
            throw new IllegalArgumentException("a HOLD has quantity 0, was " + this.quantity.toPlainString());
        }
        if (action != Action.HOLD && this.quantity.signum() <= 0) {
            throw new IllegalArgumentException("a " + action + " needs a positive quantity, was "
                    + this.quantity.toPlainString());
        }
    }

    /** A decision to do nothing on this bar; its reason and indicators are computed when first asked for. */
    public static Signal hold(Supplier<String> reason, Supplier<? extends SortedMap<String, BigDecimal>> indicators) {
        Signal hold = new Signal(Action.HOLD, Decimals.ZERO);
        hold.explain = Objects.requireNonNull(reason, "reason");
        hold.measure = Objects.requireNonNull(indicators, "indicators");
        return hold;
    }

    private static SortedMap<String, BigDecimal> scaled(SortedMap<String, BigDecimal> indicators) {
        TreeMap<String, BigDecimal> scaled = new TreeMap<>();
        indicators.forEach((name, value) -> scaled.put(name, Decimals.of(value)));
        return Collections.unmodifiableSortedMap(scaled);
    }

    /** BUY, SELL or HOLD. */
    public Action action() {
        return action;
    }

    /** How much to trade: zero for HOLD, positive for BUY and SELL. */
    public BigDecimal quantity() {
        return quantity;
    }

    /** Human-readable explanation of the decision. */
    public String reason() {
        if (reason == null) {
            reason = Objects.requireNonNull(explain.get(), "reason");
        }
        return reason;
    }

    /** The indicator values the decision was based on, by name, at the canonical scale. */
    public SortedMap<String, BigDecimal> indicators() {
        if (indicators == null) {
            indicators = scaled(measure.get());
        }
        return indicators;
    }

    @Override
    public String toString() {
        return "Signal[action=" + action + ", quantity=" + quantity.toPlainString() + ", reason=" + reason() + "]";
    }
}
