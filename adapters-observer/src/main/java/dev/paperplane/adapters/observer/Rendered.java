package dev.paperplane.adapters.observer;

import io.helidon.http.Header;
import io.helidon.http.HeaderValues;
import java.util.List;
import java.util.Optional;

/**
 * A response body ready to send.
 *
 * @param body        the bytes
 * @param contentType their media type
 * @param next        relative URL of the next page, for the {@code Link} header
 * @param truncated   whether the size limit cut this answer short: a page ended early or an item is shown by
 *                    reference
 * @param headers     further headers that describe the body (a CSV page's truncation and omitted item)
 */
record Rendered(byte[] body, Header contentType, Optional<String> next, boolean truncated, List<Header> headers) {
    /** A JSON body, {@code truncated} as given. */
    Rendered(byte[] body, Optional<String> next, boolean truncated) {
        this(body, HeaderValues.CONTENT_TYPE_JSON, next, truncated, List.of());
    }

    /** A JSON body the size limit left whole. */
    Rendered(byte[] body, Optional<String> next) {
        this(body, next, false);
    }
}
