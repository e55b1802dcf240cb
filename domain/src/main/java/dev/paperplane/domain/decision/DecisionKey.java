package dev.paperplane.domain.decision;

import java.util.Objects;

/** Identifies what a strategy remembers per instrument: ordered by strategy id, then instrument. */
public record DecisionKey(String strategyId, String instrument) implements Comparable<DecisionKey> {
    public DecisionKey {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(instrument, "instrument");
    }

    @Override
    public int compareTo(DecisionKey other) {
        int byStrategy = strategyId.compareTo(other.strategyId);
        return byStrategy != 0 ? byStrategy : instrument.compareTo(other.instrument);
    }
}
