package dev.paperplane.domain.session;

import dev.paperplane.domain.execution.ExecutionPlane;
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.risk.RiskLimits;
import dev.paperplane.domain.strategy.StrategySpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import dev.paperplane.domain.num.Decimals;

/**
 * Everything that determines the runtime's decisions. Its canonical form is fingerprinted into
 * {@code SessionStarted}; a run under a different fingerprint is refused.
 *
 * @param environment free-form label, e.g. {@code demo}
 * @param plane       always {@link ExecutionPlane#PAPER}
 * @param strategies  in the order they are consulted on every bar
 */
public record RuntimeConfig(String environment, ExecutionPlane plane, BigDecimal initialCash, FeeModel fees,
                            RiskLimits risk, List<StrategySpec> strategies) {
    public RuntimeConfig {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(plane, "plane");
        initialCash = Decimals.of(Objects.requireNonNull(initialCash, "initialCash"));
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(risk, "risk");
        strategies = List.copyOf(strategies);
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("at least one strategy must be configured");
        }
        Set<String> ids = new TreeSet<>();
        for (StrategySpec spec : strategies) {
            if (!ids.add(spec.id())) {
                throw new IllegalArgumentException("strategy id '" + spec.id() + "' is configured twice");
            }
        }
        if (initialCash.signum() < 0) {
            throw new IllegalArgumentException("initialCash must not be negative");
        }
    }
}
