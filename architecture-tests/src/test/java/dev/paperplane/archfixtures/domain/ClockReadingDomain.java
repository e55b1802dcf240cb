package dev.paperplane.archfixtures.domain;

import java.time.Instant;

/** Breaks the deterministic core: reads the wall clock. */
public final class ClockReadingDomain {
    Instant stamp() {
        return Instant.now();
    }
}
