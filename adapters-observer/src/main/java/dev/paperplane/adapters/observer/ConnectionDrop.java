package dev.paperplane.adapters.observer;

/** Why the observer closed a connection before answering a request on it; the {@code reason} label of its metric. */
enum ConnectionDrop {
    /** Opened while {@link ConnectionLimits#maxConnections()} were open: answered 503 and closed. */
    REFUSED("refused"),
    /** Its request line and headers did not arrive within the header timeout. */
    HEADER_TIMEOUT("header-timeout"),
    /** It waited for its next request longer than the idle timeout. */
    IDLE_TIMEOUT("idle-timeout"),
    /** The client closed or reset it in the middle of a request's line or headers. */
    INCOMPLETE_REQUEST("incomplete-request");

    private final String label;

    ConnectionDrop(String label) {
        this.label = label;
    }

    /** The metric label. */
    String label() {
        return label;
    }
}
