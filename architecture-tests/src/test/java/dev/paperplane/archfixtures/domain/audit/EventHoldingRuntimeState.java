package dev.paperplane.archfixtures.domain.audit;

import dev.paperplane.archfixtures.domain.runtime.RuntimeFoldingEvents;

/** One half of a package cycle: an event that holds a type of the runtime package folding it. */
public record EventHoldingRuntimeState(RuntimeFoldingEvents state) {
}
