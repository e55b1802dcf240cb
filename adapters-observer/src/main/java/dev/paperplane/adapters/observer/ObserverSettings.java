package dev.paperplane.adapters.observer;

import java.util.Objects;

/**
 * How the observer listens and how large its answers may be.
 *
 * @param host             interface to bind; 127.0.0.1 unless the operator chooses otherwise
 * @param port             TCP port, 0 for any free port
 * @param maxResponseBytes the largest response body, at least {@link #MIN_RESPONSE_BYTES}
 * @param version          the observer's own version, shown by {@code /observer/v1/runtime}
 */
public record ObserverSettings(String host, int port, long maxResponseBytes, String version) {
    /** Interface bound when none is given. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Port used when none is given. */
    public static final int DEFAULT_PORT = 8080;
    /** Largest response body when none is given: 1 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 1L << 20;
    /** The smallest accepted limit, 64 KiB: room for the OpenAPI document and any problem document. */
    public static final long MIN_RESPONSE_BYTES = 64L << 10;
    /** The largest accepted limit: bodies are built in memory. */
    public static final long MAX_RESPONSE_BYTES = 64L << 20;

    public ObserverSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        if (maxResponseBytes < MIN_RESPONSE_BYTES || maxResponseBytes > MAX_RESPONSE_BYTES) {
            throw new IllegalArgumentException("max-response-bytes must be within " + MIN_RESPONSE_BYTES + ".."
                    + MAX_RESPONSE_BYTES + ", was " + maxResponseBytes);
        }
    }

    /** Defaults (127.0.0.1:8080, 1 MiB) for an observer of version {@code version}. */
    public static ObserverSettings defaults(String version) {
        return new ObserverSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_RESPONSE_BYTES, version);
    }

    /** The same settings on another port. */
    public ObserverSettings withPort(int newPort) {
        return new ObserverSettings(host, newPort, maxResponseBytes, version);
    }

    /** The same settings with another response size limit. */
    public ObserverSettings withMaxResponseBytes(long newMax) {
        return new ObserverSettings(host, port, newMax, version);
    }
}
