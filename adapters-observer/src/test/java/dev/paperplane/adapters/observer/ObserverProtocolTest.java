package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.contract.InMemoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The observer's answers to what clients get wrong at the protocol level: malformed {@code Accept}, methods spelt
 * in lower case, HTTP/1.0, and {@code Connection: close}. A client's mistake is a 4xx problem, never a 5xx.
 */
class ObserverProtocolTest {
    private static final String LEDGER = "/observer/v1/ledger";
    private static final String LIVENESS = "/observe/health/live";
    private static InMemoryStore store;
    private static ObserverServer server;

    @BeforeAll
    static void start() {
        store = Logs.session(10);
        server = ObserverServer.start(ObserverSettings.defaults("test").withPort(0), store, store);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "/", ";", "application", "application/json;", "application/json;q", "\"",
            "application/json;q=2", "application/json, text"})
    void aMalformedAcceptHeaderIs400OnEveryPath(String accept) {
        for (String path : new String[] {LEDGER, LIVENESS, "/observe/health", "/observe/metrics"}) {
            try (RawConnection connection = new RawConnection(server.port())) {
                String response = connection.request("GET", path, "Accept: " + accept);

                assertThat(response).as(path).startsWith("HTTP/1.1 400 ")
                        .contains("application/problem+json").contains("urn:paperplane:problem:bad-accept")
                        .doesNotContain("data-unavailable");
            }
        }
    }

    @Test
    void jsonWithQualityZeroIsNotAcceptable406() {
        try (RawConnection connection = new RawConnection(server.port())) {
            assertThat(connection.request("GET", LEDGER, "Accept: application/json;q=0"))
                    .startsWith("HTTP/1.1 406 ").contains("urn:paperplane:problem:not-acceptable");
        }
    }

    @Test
    void wellFormedAcceptHeadersStillServe() {
        for (String accept : new String[] {"application/json", "*/*", "application/*;q=0.5",
            "text/html, application/json;q=0.9", "application/json; charset=\"utf-8\"", "application/problem+json"}) {
            try (RawConnection connection = new RawConnection(server.port())) {
                assertThat(connection.request("GET", LEDGER, "Accept: " + accept)).as(accept)
                        .startsWith("HTTP/1.1 200 ");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "Get", "head", "gET", "post"})
    void methodsAreCaseSensitiveSoALowerCaseOneIs405(String method) {
        try (RawConnection connection = new RawConnection(server.port())) {
            String response = connection.request(method, LEDGER);

            assertThat(response).startsWith("HTTP/1.1 405 ").containsIgnoringCase("Allow: GET, HEAD")
                    .contains("urn:paperplane:problem:method-not-allowed");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void http10Is426UpgradeRequiredAndTheConnectionCloses() {
        try (RawConnection connection = new RawConnection(server.port())) {
            String response = connection.send("GET " + LIVENESS + " HTTP/1.0\r\n\r\n").response();

            assertThat(response).startsWith("HTTP/1.1 426 ").containsIgnoringCase("Upgrade: HTTP/1.1")
                    .contains("application/problem+json").contains("urn:paperplane:problem:http-version-not-supported");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {LEDGER, LIVENESS, "/observer/v1/nothing", "/observer/v1/audit/events?limit=0"})
    void connectionCloseClosesTheSocketAfterTheAnswer(String path) {
        try (RawConnection connection = new RawConnection(server.port())) {
            String response = connection.request("GET", path, "Connection: close");

            assertThat(response).startsWith("HTTP/1.1 ").containsIgnoringCase("Connection: close");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void aDeniedMethodWithConnectionCloseAlsoCloses() {
        try (RawConnection connection = new RawConnection(server.port())) {
            assertThat(connection.request("DELETE", LEDGER, "Connection: close")).startsWith("HTTP/1.1 405 ");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void withoutConnectionCloseTheConnectionServesTheNextRequest() {
        try (RawConnection connection = new RawConnection(server.port())) {
            assertThat(connection.request("GET", LEDGER)).startsWith("HTTP/1.1 200 ");
            assertThat(connection.request("GET", LIVENESS)).startsWith("HTTP/1.1 200 ");
        }
    }
}
