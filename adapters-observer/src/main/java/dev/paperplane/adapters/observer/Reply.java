package dev.paperplane.adapters.observer;

import java.util.function.Supplier;

/**
 * What an endpoint answers: its strong entity tag, known before the body is built, and how to build the body.
 * A request whose {@code If-None-Match} matches the tag costs no rendering.
 */
record Reply(String etag, Supplier<Rendered> body) {
}
