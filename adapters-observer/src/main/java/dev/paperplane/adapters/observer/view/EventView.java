package dev.paperplane.adapters.observer.view;

import jakarta.json.JsonObject;

/**
 * One audit record as persisted. Encoded with an empty payload, whose place then takes the record's stored
 * payload ({@code Payloads}), so the payload is never parsed or encoded again.
 */
public record EventView(long seq, String type, String time, JsonObject payload, String hash) {
}
