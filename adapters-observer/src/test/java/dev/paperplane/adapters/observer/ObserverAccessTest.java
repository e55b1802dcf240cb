package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.contract.InMemoryStore;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An observer with a bearer token: nothing but liveness answers without it. */
class ObserverAccessTest {
    private static final String TOKEN = "s3cr3t-token-0123456789abcdef";
    private static final String RUNTIME = "/observer/v1/runtime";
    private static ObserverServer server;
    private static Client client;

    @BeforeAll
    static void start() {
        InMemoryStore store = Logs.session(10);
        server = ObserverServer.start(ObserverSettings.defaults("test").withPort(0).withToken(BearerToken.of(TOKEN)),
                store, store);
        client = new Client(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aRequestWithoutATokenIs401WithABearerChallenge() {
        HttpResponse<String> response = client.get(RUNTIME);

        assertUnauthorized(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"paperplane-observer\"");
        assertThat(Client.parse(response.body()).getString("detail")).contains("Authorization: Bearer");
    }

    @Test
    void aWrongTokenIs401AndNamedAnInvalidToken() {
        HttpResponse<String> response = client.get(RUNTIME, "Authorization", "Bearer not-the-token-at-all-0000");

        assertUnauthorized(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer ").contains("error=\"invalid_token\""));
    }

    @Test
    void theRightTokenIsServed() {
        HttpResponse<String> response = client.get(RUNTIME, "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Client.parse(response.body()).getJsonObject("observer").getString("version")).isEqualTo("test");
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(client.get(RUNTIME, "Authorization", "bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenDifferingOnlyInItsLastByteIsRefused() {
        String almost = TOKEN.substring(0, TOKEN.length() - 1) + (TOKEN.endsWith("f") ? "e" : "f");

        assertUnauthorized(client.get(RUNTIME, "Authorization", "Bearer " + almost));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic " + TOKEN, TOKEN, "Bearer " + TOKEN + "x",
            "Bearer x" + TOKEN})
    void malformedOrOtherCredentialsAreRefused(String authorization) {
        assertUnauthorized(client.get(RUNTIME, "Authorization", authorization));
    }

    @Test
    void livenessAnswersWithoutAToken() {
        assertThat(client.get("/observe/health/live").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/observe/health/ready", "/observe/health", "/observe/metrics", "/observe/health/started"})
    void readinessHealthAndMetricsNeedTheToken(String path) {
        assertUnauthorized(client.get(path));
        assertThat(client.get(path, "Authorization", "Bearer " + TOKEN).statusCode()).isNotEqualTo(401);
    }

    @Test
    void readinessAndMetricsAnswerWithTheToken() {
        assertThat(client.get("/observe/health/ready", "Authorization", "Bearer " + TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(client.get("/observe/metrics", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /observe/health/live/../ready", "GET /observe/health/live/%2e%2e/ready",
            "GET /observe/health/live/..%2fready", "GET /observe/health/./ready", "GET //observe/health/ready"})
    void noPathTrickReachesReadinessThroughLiveness(String requestLine) {
        String response = Client.raw(requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                server.port());

        assertThat(response).doesNotStartWith("HTTP/1.1 200");
        assertThat(response).doesNotContain("audit-log");
    }

    @Test
    void theTokenIsCheckedBeforeTheMethodSoUnauthenticatedClientsLearnNothing() {
        assertUnauthorized(client.send("POST", RUNTIME));
        assertUnauthorized(client.get("/observer/v1/no-such-resource"));
        assertUnauthorized(client.get(RUNTIME, "Accept", "text/html"));
        assertThat(client.send("POST", RUNTIME, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(405);
    }

    @Test
    void aHeadRequestWithoutATokenIs401WithoutABody() {
        HttpResponse<String> response = client.send("HEAD", RUNTIME);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(response.body()).isEmpty();
    }

    @Test
    void noAnswerRepeatsTheToken() {
        String almost = TOKEN.substring(0, TOKEN.length() - 1);
        HttpResponse<String> refused = client.get(RUNTIME, "Authorization", "Bearer " + almost);
        HttpResponse<String> metrics = client.get("/observe/metrics", "Authorization", "Bearer " + TOKEN);

        for (HttpResponse<String> response : java.util.List.of(refused, metrics)) {
            assertThat(response.body()).doesNotContain(almost);
            assertThat(response.headers().map().toString()).doesNotContain(almost);
        }
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).contains(Problems.MEDIA_TYPE);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        if (!response.request().method().equals("HEAD")) {
            JsonObject problem = Client.parse(response.body());
            assertThat(problem.getInt("status")).isEqualTo(401);
            assertThat(problem.getString("type")).isEqualTo("urn:paperplane:problem:unauthorized");
            assertThat(response.body()).doesNotContain(TOKEN);
        }
    }
}
