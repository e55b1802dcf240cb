package dev.paperplane.domain.decision;

import java.util.Comparator;
import java.util.Objects;

/** Identifies what a strategy remembers per instrument: ordered by strategy id, then instrument. */
public record DecisionKey(String strategyId, String instrument) implements Comparable<DecisionKey> {
    private static final Comparator<DecisionKey> ORDER =
            Comparator.comparing(DecisionKey::strategyId).thenComparing(DecisionKey::instrument);

    public DecisionKey {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(instrument, "instrument");
    }

    @Override
    public int compareTo(DecisionKey other) {
        return ORDER.compare(this, other);
    }
}
