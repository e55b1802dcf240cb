package dev.paperplane.adapters.observer;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;
import java.nio.charset.StandardCharsets;

/** The one JSON-B configuration of the observer: compact, lexicographic property order, nulls written. */
final class Json {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withFormatting(false)
            .withNullValues(true)
            .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL));

    private Json() {
    }

    /** The shared JSON-B instance, also handed to Helidon's JSON-B media support. */
    static Jsonb jsonb() {
        return JSONB;
    }

    /** A view as UTF-8 JSON bytes; a view already encoded (bytes, as an event's) is returned as it is. */
    static byte[] bytes(Object view) {
        if (view instanceof byte[] encoded) {
            return encoded;
        }
        return JSONB.toJson(view).getBytes(StandardCharsets.UTF_8);
    }
}
