package dev.paperplane.bootstrap.logging;

/** How log events are written to standard error: one line each, as text or as a JSON object. */
public enum LogFormat {
    /** {@code 2026-01-02T03:04:05.678Z INFO logger: message}. */
    TEXT,
    /** {@code {"time":…,"level":…,"logger":…,"message":…}}, for log shippers. */
    JSON
}
