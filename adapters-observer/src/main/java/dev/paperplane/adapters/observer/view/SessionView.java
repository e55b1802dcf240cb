package dev.paperplane.adapters.observer.view;

/** A recorded session start: where it is in the log, its configuration, fingerprint and feed. */
public record SessionView(long seq, String time, String fingerprint, ConfigView config, FeedView feed) {
}
