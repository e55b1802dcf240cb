package dev.paperplane.adapters.observer;

import java.util.function.Supplier;

/**
 * What an endpoint answers: its strong entity tag, known before the body is built, and how to build the body.
 * A request whose {@code If-None-Match} matches the tag costs no rendering.
 *
 * @param negotiated whether the {@code Accept} header chose between representations ({@code Vary: Accept})
 */
record Reply(String etag, Supplier<Rendered> body, boolean negotiated) {
    /** A reply with one representation. */
    Reply(String etag, Supplier<Rendered> body) {
        this(etag, body, false);
    }

    /** A reply in the representation the request chose, among several ({@link Format}). */
    static Reply negotiated(String etag, Supplier<Rendered> body) {
        return new Reply(etag, body, true);
    }
}
