package dev.paperplane.archfixtures.domain.runtime;

import dev.paperplane.archfixtures.domain.audit.EventHoldingRuntimeState;

/** The other half of the package cycle: the runtime folds the events whose package depends on it. */
public final class RuntimeFoldingEvents {
    /** Folds one event. */
    public RuntimeFoldingEvents apply(EventHoldingRuntimeState event) {
        return event.state();
    }
}
