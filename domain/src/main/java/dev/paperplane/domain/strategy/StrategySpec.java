package dev.paperplane.domain.strategy;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A configured strategy: which built-in kind, at which version, under which id, with which parameters.
 *
 * @param id      unique name of this strategy instance within a configuration
 * @param kind    built-in strategy kind, e.g. {@code ma-crossover}
 * @param version version of the kind's logic
 * @param params  parameters as canonical decimal or integer strings, sorted by name
 */
public record StrategySpec(String id, String kind, int version, SortedMap<String, String> params) {
    public StrategySpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("strategy id '" + id + "' is not of the form [a-z0-9][a-z0-9._-]{0,63}");
        }
        if (version < 1) {
            throw new IllegalArgumentException("strategy version must be at least 1, was " + version);
        }
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }
}
