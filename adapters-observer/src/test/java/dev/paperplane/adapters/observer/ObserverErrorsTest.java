package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.contract.InMemoryStore;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets an RFC 9457 problem with the right status: never a 500, never a stack trace. */
class ObserverErrorsTest {
    private static final String V1 = "/observer/v1";
    private static InMemoryStore store;
    private static ObserverServer server;
    private static Client client;

    @BeforeAll
    static void start() {
        store = Logs.session(10);
        server = ObserverServer.start(ObserverSettings.defaults("test").withPort(0), store, store);
        client = new Client(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/audit/events?limit=abc", "/audit/events?limit=0", "/audit/events?limit=1001",
            "/audit/events?limit=-1", "/audit/events?after=-1", "/audit/events?after=1.5", "/audit/events?after=",
            "/audit/events?after=99999999999999999999", "/audit/events?type=Nope", "/audit/events?colour=red",
            "/audit/events?limit=1&limit=2", "/ledger?at=-5", "/ledger?at=x", "/decisions?limit=abc",
            "/ledger/fills?after=-1", "/snapshots?limit=0", "/audit/events/abc", "/audit/events/-1",
            "/snapshots/abc", "/runtime?verbose=1"})
    void malformedOrOutOfRangeParametersAre400(String path) {
        assertProblem(client.get(V1 + path), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/observer/v1/audit/events/0", "/observer/v1/audit/events/9999",
            "/observer/v1/snapshots/5", "/observer/v1/ledger?at=9999", "/observer/v1/nothing", "/observer/v2/runtime",
            "/observer", "/", "/etc/passwd"})
    void unknownSeqsRoutesAndApiVersionsAre404(String path) {
        assertProblem(client.get(path), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/observer/v1/snapshots/..%2F..%2Fetc%2Fpasswd", "/observer/v1/snapshots/../../etc/passwd",
            "/observer/v1/audit/events/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/observer/v1/snapshots/%00"})
    void pathTraversalIsRefusedWithoutReachingAnyFile(String path) {
        HttpResponse<String> response = client.get(path);

        assertThat(response.statusCode()).isIn(400, 404);
        assertThat(response.body()).doesNotContain("root:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"})
    void everyMethodButGetAndHeadIs405WithAllow(String method) {
        for (String path : new String[] {V1 + "/runtime", V1 + "/audit/events/1", "/observe/health", "/nowhere"}) {
            HttpResponse<String> response = client.send(method, path);
            assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).as(method + " " + path).contains("GET, HEAD");
            if (!method.equals("TRACE")) {
                assertProblem(response, 405);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/observer/v1/audit/events?after=%zz", "/observer/v1/audit/events?type=%ff%fe",
            "/observer/v1/%zz", "/observer/v1/runtime?%"})
    void undecodableRequestsAre400Or404NeverA500(String target) {
        String response = Client.raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                server.port());

        assertThat(response).matches("(?s)HTTP/1.1 (400|404) .*");
        assertThat(response).contains("application/problem+json").doesNotContain("Exception");
    }

    @Test
    void anAcceptHeaderExcludingJsonIs406() {
        assertProblem(client.get(V1 + "/runtime", "Accept", "text/html"), 406);
        assertThat(client.get(V1 + "/runtime", "Accept", "text/html, application/json;q=0.5").statusCode())
                .isEqualTo(200);
        assertThat(client.get(V1 + "/runtime", "Accept", "*/*").statusCode()).isEqualTo(200);
    }

    @Test
    void anOversizedRequestLineIs414() {
        HttpResponse<String> response = client.get(V1 + "/runtime?x=" + "a".repeat(ObserverServer.MAX_REQUEST_LINE_BYTES));

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.headers().firstValue("Content-Type")).contains(Problems.MEDIA_TYPE);
    }

    @Test
    void oversizedHeadersAre431() {
        HttpResponse<String> response = client.get(V1 + "/runtime", "X-Padding",
                "b".repeat(ObserverServer.MAX_HEADER_BYTES));

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.headers().firstValue("Content-Type")).contains(Problems.MEDIA_TYPE);
    }

    @Test
    void aProblemNamesItsTypeStatusAndTheRequestPath() {
        JsonObject problem = Client.parse(client.get(V1 + "/audit/events?limit=abc").body());

        assertThat(problem.getString("type")).isEqualTo("urn:paperplane:problem:bad-parameter");
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("detail")).contains("limit").contains("1 to 1000");
        assertThat(problem.getString("instance")).isEqualTo(V1 + "/audit/events");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString())
                .contains(Problems.MEDIA_TYPE);
        JsonObject problem = Client.parse(response.body());
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type")).startsWith("urn:paperplane:problem:");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
