package dev.paperplane.adapters.observer.view;

/**
 * The configuration recorded by the latest session start, and the observer's own version and limits.
 *
 * @param session the latest {@code SessionStarted}, or null when no session has started
 */
public record RuntimeView(SessionView session, ObserverView observer) {
}
