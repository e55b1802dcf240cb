package dev.paperplane.adapters.observer.view;

/** An RFC 9457 problem detail. */
public record Problem(String type, String title, int status, String detail, String instance) {
}
