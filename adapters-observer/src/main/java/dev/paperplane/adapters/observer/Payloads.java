package dev.paperplane.adapters.observer;

import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.domain.audit.AuditEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;

/**
 * An event's payload exactly as persisted: the codec's canonical payload JSON, parsed into an ordered JSON
 * object (decimals stay strings, fields keep their persisted order).
 */
final class Payloads {
    /** Made once: {@code Json.createReader} looks the JSON-P provider up through the service loader on every call. */
    private static final JsonReaderFactory READERS = JsonProvider.provider().createReaderFactory(Map.of());

    private Payloads() {
    }

    static JsonObject of(AuditEvent event) {
        try (JsonReader reader = READERS.createReader(new StringReader(AuditCodec.payloadJson(event)))) {
            return reader.readObject();
        }
    }
}
