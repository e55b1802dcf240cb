package dev.paperplane.adapters.observer;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may hold of the observer: how many connections may be open at once, how long a kept-alive
 * connection may wait for its next request, and how long a request may take to send its request line and headers.
 * Helidon's own defaults are unlimited, which lets a connection flood exhaust the heap.
 *
 * @param maxConnections the most connections open at once; a connection beyond it is answered 503 and closed
 * @param idleTimeout    how long a connection may wait for its next request (after a response) before it is closed
 * @param headerTimeout  how long a request may take from its first byte (for a connection's first request: from the
 *                       connection's opening) to the end of its headers before the connection is closed
 */
public record ConnectionLimits(int maxConnections, Duration idleTimeout, Duration headerTimeout) {
    /**
     * Connections open at once when none is given: each costs up to ~25 KiB of heap while it waits for a request,
     * so 256 stay below 7 MiB of the observer's default 96 MiB heap.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    /** The most connections one may allow: 4096 idle connections already need ~100 MiB of heap. */
    public static final int MAX_CONNECTIONS = 4096;
    /** Idle time of a kept-alive connection when none is given. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** Time to send a request's line and headers when none is given. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    /** The smallest timeout: deadlines are checked once a second. */
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    /** The largest idle timeout, one hour. */
    public static final Duration MAX_IDLE_TIMEOUT = Duration.ofHours(1);
    /** The largest header timeout, ten minutes. */
    public static final Duration MAX_HEADER_TIMEOUT = Duration.ofMinutes(10);

    public ConnectionLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("max-connections must be within 1.." + MAX_CONNECTIONS + ", was "
                    + maxConnections);
        }
        within("idle-timeout", idleTimeout, MAX_IDLE_TIMEOUT);
        within("header-timeout", headerTimeout, MAX_HEADER_TIMEOUT);
    }

    /** The defaults: 256 connections, 30 s idle, 10 s for a request's headers. */
    public static ConnectionLimits defaults() {
        return new ConnectionLimits(DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT, DEFAULT_HEADER_TIMEOUT);
    }

    private static void within(String name, Duration value, Duration max) {
        if (value.compareTo(MIN_TIMEOUT) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be within " + MIN_TIMEOUT.toSeconds() + ".."
                    + max.toSeconds() + " seconds, was " + value.toMillis() / 1000.0 + " seconds");
        }
    }
}
