package dev.paperplane.archfixtures.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Breaks the deterministic core: collects into a HashSet without naming it. */
public final class CollectingDomain {
    Set<String> symbols(List<String> bars) {
        return bars.stream().collect(Collectors.toSet());
    }
}
