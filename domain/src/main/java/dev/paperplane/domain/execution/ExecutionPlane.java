package dev.paperplane.domain.execution;

import java.util.Locale;

/** Where orders go. Phase 1.5 and 2 know exactly one plane: simulated PAPER fills. */
public enum ExecutionPlane {
    /** Simulated fills at the bar's close; no capital at risk. */
    PAPER;

    /** Parses a configured plane name, refusing anything but PAPER with an explanation. */
    public static ExecutionPlane parse(String name) {
        if (name != null && name.trim().toUpperCase(Locale.ROOT).equals(PAPER.name())) {
            return PAPER;
        }
        throw new IllegalArgumentException("execution plane '" + name
                + "' is not available: this runtime executes on PAPER only (the roadmap defers any other plane)");
    }
}
