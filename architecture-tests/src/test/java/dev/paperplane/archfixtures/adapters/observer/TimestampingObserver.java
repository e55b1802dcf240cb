package dev.paperplane.archfixtures.adapters.observer;

/** Breaks deterministic observability: a response stamped with the wall clock. */
public final class TimestampingObserver {
    String generatedAt() {
        return Long.toString(System.currentTimeMillis());
    }
}
