package dev.paperplane.adapters.observer;

import java.util.Objects;
import java.util.Optional;

/**
 * How the observer listens, who may read it and how large its answers may be.
 *
 * @param host             interface to bind; 127.0.0.1 unless the operator chooses otherwise. Any address but
 *                         loopback (127.0.0.0/8, ::1) needs a {@code token}: {@link ObserverServer#start} refuses
 *                         otherwise
 * @param port             TCP port, 0 for any free port
 * @param maxResponseBytes the largest response body, at least {@link #MIN_RESPONSE_BYTES}
 * @param version          the observer's own version, shown by {@code /observer/v1/runtime}
 * @param token            the bearer token every request but liveness must present; none serves without
 *                         credentials (loopback only)
 * @param tls              certificate and key to serve HTTPS with instead of plain HTTP
 * @param limits           how many connections clients may hold open and for how long
 */
public record ObserverSettings(String host, int port, long maxResponseBytes, String version,
                               Optional<BearerToken> token, Optional<TlsFiles> tls, ConnectionLimits limits) {
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
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(limits, "limits");
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

    /** Plain HTTP without a token and with the default connection limits: for a loopback {@code host} only. */
    public ObserverSettings(String host, int port, long maxResponseBytes, String version) {
        this(host, port, maxResponseBytes, version, Optional.empty(), Optional.empty(), ConnectionLimits.defaults());
    }

    /** Defaults (127.0.0.1:8080, 1 MiB, no token, plain HTTP, default limits) for an observer of {@code version}. */
    public static ObserverSettings defaults(String version) {
        return new ObserverSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_RESPONSE_BYTES, version);
    }

    /** The same settings on another port. */
    public ObserverSettings withPort(int newPort) {
        return new ObserverSettings(host, newPort, maxResponseBytes, version, token, tls, limits);
    }

    /** The same settings with another response size limit. */
    public ObserverSettings withMaxResponseBytes(long newMax) {
        return new ObserverSettings(host, port, newMax, version, token, tls, limits);
    }

    /** The same settings on another interface. */
    public ObserverSettings withHost(String newHost) {
        return new ObserverSettings(newHost, port, maxResponseBytes, version, token, tls, limits);
    }

    /** The same settings, requiring {@code newToken} from every request but liveness. */
    public ObserverSettings withToken(BearerToken newToken) {
        return new ObserverSettings(host, port, maxResponseBytes, version, Optional.of(newToken), tls, limits);
    }

    /** The same settings, serving HTTPS with {@code files}. */
    public ObserverSettings withTls(TlsFiles files) {
        return new ObserverSettings(host, port, maxResponseBytes, version, token, Optional.of(files), limits);
    }

    /** The same settings with other connection limits. */
    public ObserverSettings withLimits(ConnectionLimits newLimits) {
        return new ObserverSettings(host, port, maxResponseBytes, version, token, tls, newLimits);
    }

    /** {@code "https"} with TLS, else {@code "http"}. */
    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }
}
