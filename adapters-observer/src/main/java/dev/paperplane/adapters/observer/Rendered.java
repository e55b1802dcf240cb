package dev.paperplane.adapters.observer;

import java.util.Optional;

/**
 * A response body ready to send.
 *
 * @param body JSON bytes
 * @param next relative URL of the next page, for the {@code Link} header
 */
record Rendered(byte[] body, Optional<String> next) {
}
