package dev.paperplane.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.adapters.observer.ObserverSettings;
import dev.paperplane.application.contract.InMemoryStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Phase 3 surface, proven on the observer's real routing served by a real server: every registered resource
 * answers every method but GET and HEAD with 405, so nothing can be commanded through it.
 */
class ObserverRoutingTest {

    private static final List<String> NON_READ_METHODS = List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE");
    private static ObserverServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        InMemoryStore store = new InMemoryStore();
        server = ObserverServer.start(new ObserverSettings("127.0.0.1", 0, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES,
                "test"), store, store);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void everyRegisteredResourceRefusesEveryMethodButGetAndHead() throws Exception {
        assertThat(ObserverServer.resourcePaths()).isNotEmpty();
        for (String template : ObserverServer.resourcePaths()) {
            String path = template.replace("{seq}", "1").replace("{path}", "0/000.p/1");
            for (String method : NON_READ_METHODS) {
                HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + path))
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(405);
                assertThat(response.headers().firstValue("Allow")).as("%s %s", method, path).hasValue("GET, HEAD");
            }
        }
    }
}
