package dev.paperplane.adapters.observer.view;

/**
 * The configuration recorded by the latest session start, the head of the log this answer is from, and the
 * observer's own version and limits.
 *
 * @param session the latest {@code SessionStarted}, or null when no session has started
 * @param head    the verified head the answer is derived from: observers on a primary and on its standbys that
 *                show the same head show the same log
 */
public record RuntimeView(SessionView session, HeadView head, ObserverView observer) {
}
