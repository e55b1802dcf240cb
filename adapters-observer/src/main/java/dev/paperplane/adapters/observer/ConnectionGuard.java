package dev.paperplane.adapters.observer;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ProtocolConfigs;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionListener;
import io.helidon.webserver.http1.Http1ConnectionProvider;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import io.helidon.http.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Admits HTTP/1.1 connections up to {@link ConnectionLimits#maxConnections()} and holds each to its deadlines.
 * Helidon 4.5.0 has no header timeout, closes idle connections only while they wait for a request line, and only
 * makes surplus connections wait in the accept queue; this selector wraps Helidon's HTTP/1.1 one so that a
 * connection beyond the cap is answered 503 at once and every admitted one is a {@link GuardedConnection}.
 */
final class ConnectionGuard implements ServerConnectionSelector {
    /** How often Helidon's idle-connection timer asks each connection whether its deadline passed. */
    static final Duration CHECK_PERIOD = Duration.ofSeconds(1);
    /**
     * Connections Helidon may accept beyond the cap: the ones being answered 503. A ceiling on accepted sockets,
     * so even a refusal that cannot be written cannot make the accepted sockets grow without bound.
     */
    static final int REFUSAL_HEADROOM = 64;

    private final ServerConnectionSelector http1;
    private final ConnectionLimits limits;
    private final Consumer<ConnectionDrop> drops;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionGuard(Http1Config config, ConnectionLimits limits, Consumer<ConnectionDrop> drops) {
        this.http1 = new Http1ConnectionProvider().create("@default", config, ProtocolConfigs.create(List.of(config)));
        this.limits = Objects.requireNonNull(limits, "limits");
        this.drops = Objects.requireNonNull(drops, "drops");
    }

    /** The receive listener the HTTP/1.1 configuration must carry: it tells each connection where its request is. */
    static Http1ConnectionListener requestWatch() {
        return new Http1ConnectionListener() {
            @Override
            public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
                if (ctx instanceof GuardedConnection.Context guarded) {
                    guarded.connection().requestLine(prologue);
                }
            }

            @Override
            public void headers(ConnectionContext ctx, Headers headers) {
                if (ctx instanceof GuardedConnection.Context guarded) {
                    guarded.connection().headersRead();
                }
            }
        };
    }

    /** Connections open now (admitted, not refused). */
    int open() {
        return open.get();
    }

    @Override
    public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
    }

    @Override
    public Support supports(BufferData request) {
        return http1.supports(request);
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        if (open.incrementAndGet() > limits.maxConnections()) {
            open.decrementAndGet();
            drops.accept(ConnectionDrop.REFUSED);
            return new Refusal(ctx, limits.maxConnections());
        }
        return new GuardedConnection(ctx, http1::connection, limits, drops, open::decrementAndGet);
    }

    /** Answers 503 without reading the request, then lets Helidon close the socket. */
    private record Refusal(ConnectionContext ctx, int max) implements ServerConnection {
        @Override
        public void handle(io.helidon.common.concurrency.limits.Limit limit) {
            byte[] body = Problems.body(io.helidon.http.Status.SERVICE_UNAVAILABLE_503, "too-many-connections",
                    "Too many connections", "the observer serves at most " + max + " connections at once"
                            + " (--max-connections); retry shortly", null);
            String head = "HTTP/1.1 503 Service Unavailable\r\n"
                    + "Content-Type: " + Problems.MEDIA_TYPE + "\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Cache-Control: no-store\r\n"
                    + "X-Content-Type-Options: nosniff\r\n"
                    + "Retry-After: 1\r\n"
                    + "Connection: close\r\n\r\n";
            BufferData response = BufferData.growing(head.length() + body.length);
            response.write(head.getBytes(StandardCharsets.US_ASCII));
            response.write(body);
            try {
                ctx.dataWriter().writeNow(response);
            } catch (RuntimeException e) {
                // the client is gone already; Helidon closes the socket either way
            }
        }

        @Override
        public Duration idleTime() {
            return Duration.ZERO;
        }

        @Override
        public void close(boolean interrupt) {
            // ends by itself as soon as the answer is written
        }
    }
}
