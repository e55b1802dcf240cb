package dev.paperplane.adapters.observer;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpPrologue;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.spi.ServerConnection;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One admitted connection: Helidon's HTTP/1.1 connection reading through a reader that knows where the current
 * request is, so that the connection can be held to its deadlines and end quietly when the client goes away.
 *
 * <p>A connection is in one of three phases. {@code HEADERS}: from its opening, or from the first byte of a later
 * request, until the request's headers are read; it may last the header timeout. {@code SERVING}: the request is
 * routed and answered. {@code IDLE}: waiting for the next request's first byte; it may last the idle timeout.
 * Helidon's idle-connection timer asks {@link #idleTime()} every {@link ConnectionGuard#CHECK_PERIOD}; each question
 * is one tick of the current phase, so the observer reads no clock: a phase has lasted at least as many periods as
 * it was asked. The answer is zero until the phase's timeout passed (the listener's own idle timeout is zero), and
 * then {@link #close} closes the socket, which also ends a read blocked in the middle of the headers, which Helidon
 * would not interrupt. A deadline thus closes a connection within one period after it passed.
 */
final class GuardedConnection implements ServerConnection {
    private enum Phase { HEADERS, SERVING, IDLE }

    private final ConnectionContext socket;
    private final ServerConnection http1;
    private final ConnectionLimits limits;
    private final Consumer<ConnectionDrop> drops;
    private final Runnable closed;
    private final RequestReader reader;

    private volatile Phase phase = Phase.HEADERS;
    private volatile int ticks;
    private volatile boolean requestStarted;
    private volatile ConnectionDrop expired;
    private volatile boolean stopping;

    GuardedConnection(ConnectionContext socket, Function<ConnectionContext, ServerConnection> http1,
                      ConnectionLimits limits, Consumer<ConnectionDrop> drops, Runnable closed) {
        this.socket = socket;
        this.limits = limits;
        this.drops = drops;
        this.closed = closed;
        this.reader = new RequestReader(this);
        this.http1 = http1.apply(new Context(this));
    }

    @Override
    public void handle(Limit limit) throws InterruptedException {
        try {
            http1.handle(limit);
        } finally {
            closed.run();
        }
    }

    @Override
    public Duration idleTime() {
        ticks++;
        return overdue() ? ConnectionGuard.CHECK_PERIOD : Duration.ZERO;
    }

    @Override
    public void close(boolean interrupt) {
        if (expired != null) {
            return;
        }
        if (!interrupt && overdue()) {
            expired = phase == Phase.HEADERS ? ConnectionDrop.HEADER_TIMEOUT : ConnectionDrop.IDLE_TIMEOUT;
            try {
                socket.serverSocket().close();
            } catch (RuntimeException e) {
                // closed already by the client or by Helidon; what matters is that it is closed
            }
        } else {
            stopping = true;
            http1.close(interrupt);
        }
    }

    /**
     * Called once a request line is parsed: refuses a method not spelt in upper case, which Helidon would serve as
     * its upper-case namesake although methods are case-sensitive (RFC 9110, section 9.1).
     */
    void requestLine(HttpPrologue prologue) {
        String sent = reader.sentMethod();
        if (!sent.equals(prologue.method().text())) {
            throw RequestException.builder()
                    .type(DirectHandler.EventType.OTHER)
                    .status(Status.METHOD_NOT_ALLOWED_405)
                    .header(HeaderValues.create(HeaderNames.ALLOW, ObserverServer.ALLOW))
                    .setKeepAlive(false)
                    .message("method " + Problems.excerpt(sent) + " is not GET or HEAD")
                    .safeMessage(true)
                    .build();
        }
    }

    /** Called once a request's headers are read: the header deadline no longer applies to it. */
    void headersRead() {
        enter(Phase.SERVING);
    }

    /** Reads the socket on behalf of the request reader, tracking the phase and ending the connection quietly. */
    private byte[] read() {
        if (phase == Phase.SERVING) {
            enter(Phase.IDLE);
        }
        byte[] bytes;
        try {
            bytes = socket.serverSocket().get();
        } catch (UncheckedIOException e) {
            throw ended(new ServerConnectionException("Failed to get data from socket", e));
        } catch (RuntimeException e) {
            throw ended(e);
        }
        if (bytes == null) {
            throw ended(new CloseConnectionException("the client closed the connection"));
        }
        if (phase == Phase.IDLE) {
            enter(Phase.HEADERS);
        }
        if (phase == Phase.HEADERS) {
            requestStarted = true;
        }
        return bytes;
    }

    /**
     * What to throw when reading ended: a quiet close, counted when a deadline passed or the client cut a request
     * short (not when the server is stopping).
     */
    private RuntimeException ended(RuntimeException failure) {
        ConnectionDrop drop = expired;
        if (drop == null && !stopping && phase == Phase.HEADERS && requestStarted) {
            drop = ConnectionDrop.INCOMPLETE_REQUEST;
        }
        if (drop == null) {
            return failure;
        }
        drops.accept(drop);
        return new CloseConnectionException("connection closed: " + drop.label(), failure);
    }

    private void enter(Phase next) {
        ticks = 0;
        requestStarted = false;
        phase = next;
    }

    /** Whether the current phase has lasted longer than its timeout, counted in timer periods. */
    private boolean overdue() {
        Duration limit = switch (phase) {
            case HEADERS -> limits.headerTimeout();
            case IDLE -> limits.idleTimeout();
            case SERVING -> null;
        };
        return limit != null && ConnectionGuard.CHECK_PERIOD.multipliedBy(ticks).compareTo(limit) > 0;
    }

    /**
     * A Helidon data reader over the socket that remembers the last bytes read whole: Helidon's request-line parser
     * reads the line with {@link #readBytes} just before it reports the parsed line, and nothing else reports the
     * method as sent. Subclassing needs the constructor Helidon 4.4 deprecated in favour of a factory.
     */
    private static final class RequestReader extends DataReader {
        private byte[] lastBytes = new byte[0];

        @SuppressWarnings("removal")
        RequestReader(GuardedConnection connection) {
            super(connection::read);
        }

        @Override
        public byte[] readBytes(int len) {
            byte[] bytes = super.readBytes(len);
            lastBytes = bytes;
            return bytes;
        }

        /** The method as sent in the request line just read. */
        String sentMethod() {
            int space = 0;
            while (space < lastBytes.length && lastBytes[space] != ' ') {
                space++;
            }
            return new String(lastBytes, 0, space, StandardCharsets.US_ASCII);
        }
    }

    /** Helidon's connection context with the request reader in place of Helidon's own reader. */
    record Context(GuardedConnection connection) implements ConnectionContext {
        private ConnectionContext socket() {
            return connection.socket;
        }

        @Override
        public DataReader dataReader() {
            return connection.reader;
        }

        @Override
        public ListenerContext listenerContext() {
            return socket().listenerContext();
        }

        @Override
        public ExecutorService executor() {
            return socket().executor();
        }

        @Override
        public DataWriter dataWriter() {
            return socket().dataWriter();
        }

        @Override
        public Router router() {
            return socket().router();
        }

        @Override
        public Optional<ProxyProtocolData> proxyProtocolData() {
            return socket().proxyProtocolData();
        }

        @Override
        public HelidonSocket serverSocket() {
            return socket().serverSocket();
        }

        @Override
        public PeerInfo remotePeer() {
            return socket().remotePeer();
        }

        @Override
        public PeerInfo localPeer() {
            return socket().localPeer();
        }

        @Override
        public boolean isSecure() {
            return socket().isSecure();
        }

        @Override
        public String socketId() {
            return socket().socketId();
        }

        @Override
        public String childSocketId() {
            return socket().childSocketId();
        }
    }
}
