package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.contract.InMemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * What clients may hold of the observer: a bounded number of connections, each closed once it idles or dawdles over
 * its headers. Floods here are a bounded number of connections on 127.0.0.1, closed when each test ends, and the
 * observer's own deadlines end them sooner.
 */
class ObserverConnectionLimitsTest {
    private static final String LEDGER = "/observer/v1/ledger";
    private static final String LIVENESS = "/observe/health/live";
    private static final String DROPPED = "paperplane_observer_connections_dropped_total";
    private static final String SLOW_REQUEST = "GET " + LEDGER + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Duration SHORTEST = ConnectionLimits.MIN_TIMEOUT;

    private final InMemoryStore store = Logs.session(10);

    @Test
    void atTheDefaultCapNewConnectionsAre503WhileOpenOnesAreStillServed() {
        int cap = ConnectionLimits.DEFAULT_MAX_CONNECTIONS;
        List<RawConnection> flood = new ArrayList<>();
        try (ObserverServer server = start(new ConnectionLimits(cap, LONG, LONG));
             RawConnection kept = new RawConnection(server.port())) {
            assertThat(kept.request("GET", LIVENESS)).startsWith("HTTP/1.1 200 ");
            for (int i = 1; i < cap; i++) {
                flood.add(new RawConnection(server.port()).send(SLOW_REQUEST));
            }
            awaitOpenConnections(kept, cap);

            for (int i = 0; i < 20; i++) {
                try (RawConnection refused = new RawConnection(server.port())) {
                    assertThat(refused.send(SLOW_REQUEST).response()).startsWith("HTTP/1.1 503 ")
                            .containsIgnoringCase("Retry-After: 1").containsIgnoringCase("Connection: close")
                            .contains("urn:paperplane:problem:too-many-connections");
                }
            }
            assertThat(kept.request("GET", LIVENESS)).startsWith("HTTP/1.1 200 ");
            assertThat(kept.request("GET", LEDGER)).startsWith("HTTP/1.1 200 ");
            assertThat(scrape(kept).value(DROPPED, Map.of("reason", "refused"))).isEqualTo(20);
        } finally {
            flood.forEach(RawConnection::close);
        }
    }

    @Test
    void aConnectionFreedByAClientIsAdmittedAgain() {
        try (ObserverServer server = start(new ConnectionLimits(2, LONG, LONG));
             RawConnection first = new RawConnection(server.port())) {
            assertThat(first.request("GET", LIVENESS)).startsWith("HTTP/1.1 200 ");
            try (RawConnection second = new RawConnection(server.port())) {
                assertThat(second.request("GET", LIVENESS)).startsWith("HTTP/1.1 200 ");
                try (RawConnection third = new RawConnection(server.port())) {
                    assertThat(third.response()).startsWith("HTTP/1.1 503 ");
                }
            }
            awaitOpenConnections(first, 1);
            try (RawConnection fourth = new RawConnection(server.port())) {
                assertThat(fourth.request("GET", LEDGER)).startsWith("HTTP/1.1 200 ");
            }
        }
    }

    @Test
    void headersThatDoNotArriveWithinTheHeaderTimeoutCloseTheConnection() {
        try (ObserverServer server = start(new ConnectionLimits(16, LONG, SHORTEST));
             RawConnection silent = new RawConnection(server.port());
             RawConnection halfSent = new RawConnection(server.port());
             RawConnection trickling = new RawConnection(server.port())) {
            halfSent.send(SLOW_REQUEST);

            assertThat(silent.closedByServer()).as("a connection that sends nothing").isTrue();
            assertThat(halfSent.closedByServer()).as("a request whose headers stop").isTrue();
            assertThat(trickling.closedWhileTrickling(SLOW_REQUEST + "x".repeat(200), 100))
                    .as("a request sent one byte every 100 ms").isTrue();
            try (RawConnection fresh = new RawConnection(server.port())) {
                assertThat(scrape(fresh).value(DROPPED, Map.of("reason", "header-timeout"))).isEqualTo(3);
            }
        }
    }

    @Test
    void aKeptAliveConnectionIsClosedAfterTheIdleTimeoutButServedUntilThen() {
        try (ObserverServer server = start(new ConnectionLimits(16, SHORTEST, LONG));
             RawConnection connection = new RawConnection(server.port())) {
            assertThat(connection.request("GET", LEDGER)).startsWith("HTTP/1.1 200 ");
            assertThat(connection.request("GET", LIVENESS)).startsWith("HTTP/1.1 200 ");

            assertThat(connection.closedByServer()).isTrue();
            try (RawConnection fresh = new RawConnection(server.port())) {
                assertThat(scrape(fresh).value(DROPPED, Map.of("reason", "idle-timeout"))).isEqualTo(1);
            }
        }
    }

    @Test
    void aClientLeavingMidHeadersIsCountedNotLoggedAsAServerError() {
        List<LogRecord> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (warnings) {
                        warnings.add(record);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try (ObserverServer server = start(ConnectionLimits.defaults());
             RawConnection watcher = new RawConnection(server.port())) {
            for (int i = 0; i < 5; i++) {
                try (RawConnection leaving = new RawConnection(server.port())) {
                    leaving.send(SLOW_REQUEST);
                }
            }

            awaitDropped(watcher, "incomplete-request", 5);
            synchronized (warnings) {
                assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
            }
        } finally {
            root.removeHandler(capture);
        }
    }

    private ObserverServer start(ConnectionLimits limits) {
        return ObserverServer.start(ObserverSettings.defaults("test").withPort(0).withLimits(limits), store, store);
    }

    private static Exposition scrape(RawConnection connection) {
        String response = connection.request("GET", "/observe/metrics", "Accept: text/plain");
        assertThat(response).startsWith("HTTP/1.1 200 ");
        return Exposition.parse(response.substring(response.indexOf("\r\n\r\n") + 4));
    }

    /** Scrapes until the open-connections gauge shows {@code expected}, for at most the raw connection's wait. */
    private static void awaitOpenConnections(RawConnection connection, int expected) {
        await(() -> scrape(connection).value("paperplane_observer_connections_open") == expected,
                "connections open to reach " + expected);
    }

    private static void awaitDropped(RawConnection connection, String reason, int expected) {
        await(() -> scrape(connection).all(DROPPED, Map.of("reason", reason)).stream()
                .anyMatch(s -> s.value() == expected), reason + " drops to reach " + expected
                + " (last: " + scrape(connection).all(DROPPED, Map.of()) + ")");
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofMillis(RawConnection.WAIT_MILLIS).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + RawConnection.WAIT_MILLIS + " ms for " + what);
            }
            Thread.onSpinWait();
        }
    }
}
