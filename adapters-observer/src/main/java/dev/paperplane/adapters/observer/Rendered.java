package dev.paperplane.adapters.observer;

import java.util.Optional;

/**
 * A response body ready to send.
 *
 * @param body      JSON bytes
 * @param next      relative URL of the next page, for the {@code Link} header
 * @param truncated whether the size limit cut this answer short: a page ended early or an item is shown by
 *                  reference
 */
record Rendered(byte[] body, Optional<String> next, boolean truncated) {
    /** A body the size limit left whole. */
    Rendered(byte[] body, Optional<String> next) {
        this(body, next, false);
    }
}
