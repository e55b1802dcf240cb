package dev.paperplane.bootstrap.logging;

import dev.paperplane.bootstrap.cli.UserError;
import java.util.Locale;

/** How log events are written to standard error: one line each, as text or as a JSON object. */
public enum LogFormat {
    /** {@code 2026-01-02T03:04:05.678Z INFO logger: message}. */
    TEXT,
    /** {@code {"time":…,"level":…,"logger":…,"message":…}}, for log shippers. */
    JSON;

    /** The format named {@code name} ({@code text} or {@code json}), or a usage error. */
    public static LogFormat parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--log-format must be text or json, was '" + name + "'");
        }
    }
}
