package dev.paperplane.adapters.observer.view;

/** The observer's own version and the limits it enforces. */
public record ObserverView(String version, String apiVersion, long maxResponseBytes, int defaultLimit,
                           int maxLimit) {
}
