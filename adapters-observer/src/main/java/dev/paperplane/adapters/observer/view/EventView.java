package dev.paperplane.adapters.observer.view;

import jakarta.json.JsonObject;

/** One audit record as persisted: payload in its canonical form. */
public record EventView(long seq, String type, String time, JsonObject payload, String hash) {
}
