package dev.paperplane.adapters.observer.view;

/** Identity of a session's feed file. */
public record FeedView(String name, String sha256) {
}
