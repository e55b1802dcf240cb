package dev.paperplane.adapters.observer;

import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.domain.audit.AuditEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * An event's payload exactly as persisted: the codec's canonical payload JSON, parsed into an ordered JSON
 * object (decimals stay strings, fields keep their persisted order).
 */
final class Payloads {
    private Payloads() {
    }

    static JsonObject of(AuditEvent event) {
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(AuditCodec.payloadJson(event)))) {
            return reader.readObject();
        }
    }
}
