package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.contract.InMemoryStore;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Prometheus metrics at /observe/metrics: requests by route and status, the size limit, the log's state. */
class ObserverMetricsTest {
    private static final String RUNTIME = "/observer/v1/runtime";
    private static final String EVENT = "/observer/v1/audit/events/{seq}";

    @Test
    void theExpositionIsPrometheusTextWithEveryPaperplaneMetric() {
        InMemoryStore store = Logs.session(10);
        try (ObserverServer server = start(store, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)) {
            Client client = new Client(server.port());
            client.get(RUNTIME);
            HttpResponse<String> response = client.get("/observe/metrics", "Accept", "text/plain");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            Exposition exposition = Exposition.parse(response.body());
            assertThat(exposition.samples()).extracting(Exposition.Sample::name).contains(
                    "paperplane_observer_requests_total", "paperplane_observer_request_duration_seconds_bucket",
                    "paperplane_observer_request_duration_seconds_count",
                    "paperplane_observer_request_duration_seconds_sum", "paperplane_audit_head_seq",
                    "paperplane_audit_log_bytes", "paperplane_audit_verified_seq", "paperplane_audit_chain_intact",
                    "paperplane_observer_last_catch_up_events");
        }
    }

    @Test
    void headOfTheMetricsAnswersAsItsGetDoesWithoutABody() {
        InMemoryStore store = Logs.session(10);
        try (ObserverServer server = start(store, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)) {
            Client client = new Client(server.port());
            for (String accept : List.of("*/*", "text/plain", "application/openmetrics-text", "application/json",
                    "text/html")) {
                HttpResponse<String> get = client.get("/observe/metrics", "Accept", accept);
                HttpResponse<String> head = client.send("HEAD", "/observe/metrics", "Accept", accept);

                assertThat(head.statusCode()).as("HEAD with Accept: %s", accept).isEqualTo(get.statusCode());
                assertThat(head.headers().firstValue("Content-Type")).as("HEAD with Accept: %s", accept)
                        .isEqualTo(get.headers().firstValue("Content-Type"));
                assertThat(head.body()).isEmpty();
            }
        }
    }

    @Test
    void requestsAreCountedAndTimedPerRoutePatternAndStatus() {
        InMemoryStore store = Logs.session(10);
        try (ObserverServer server = start(store, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)) {
            Client client = new Client(server.port());
            client.get(RUNTIME);
            client.get(RUNTIME);
            client.get("/observer/v1/audit/events/2");
            client.get("/observer/v1/audit/events/3");
            client.get("/observer/v1/audit/events/9999");

            Exposition metrics = scrape(client);

            assertThat(metrics.value("paperplane_observer_requests_total", Map.of("route", RUNTIME, "status", "200")))
                    .isEqualTo(2);
            assertThat(metrics.value("paperplane_observer_requests_total", Map.of("route", EVENT, "status", "200")))
                    .isEqualTo(2);
            assertThat(metrics.value("paperplane_observer_requests_total", Map.of("route", EVENT, "status", "404")))
                    .isEqualTo(1);
            Map<String, String> runtimeOk = Map.of("route", RUNTIME, "status", "200");
            assertThat(metrics.value("paperplane_observer_request_duration_seconds_count", runtimeOk)).isEqualTo(2);
            assertThat(metrics.value("paperplane_observer_request_duration_seconds_sum", runtimeOk)).isPositive();
            assertThat(metrics.value("paperplane_observer_request_duration_seconds_bucket",
                    Map.of("route", RUNTIME, "status", "200", "le", "+Inf"))).isEqualTo(2);
        }
    }

    @Test
    void requestsMatchingNoRouteShareOneLabelSoPathsCannotInflateTheMetrics() {
        InMemoryStore store = Logs.session(3);
        try (ObserverServer server = start(store, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)) {
            Client client = new Client(server.port());
            client.get("/observer/v1/no-such-thing-1");
            client.get("/observer/v1/no-such-thing-2");
            client.send("DELETE", RUNTIME);

            Exposition metrics = scrape(client);

            assertThat(metrics.value("paperplane_observer_requests_total",
                    Map.of("route", ObserverMetrics.UNMATCHED, "status", "404"))).isEqualTo(2);
            assertThat(metrics.value("paperplane_observer_requests_total",
                    Map.of("route", ObserverMetrics.UNMATCHED, "status", "405"))).isEqualTo(1);
            assertThat(metrics.samples()).noneMatch(s -> s.labels().values().stream()
                    .anyMatch(v -> v.contains("no-such-thing")));
        }
    }

    @Test
    void pagesTheSizeLimitCutShortAreCounted() {
        InMemoryStore store = Logs.session(400);
        try (ObserverServer server = start(store, ObserverSettings.MIN_RESPONSE_BYTES)) {
            Client client = new Client(server.port());
            assertThat(client.json("/observer/v1/audit/events?limit=1000").getBoolean("truncated")).isTrue();
            assertThat(client.json("/observer/v1/audit/events?limit=5").getBoolean("truncated")).isFalse();

            Exposition metrics = scrape(client);

            assertThat(metrics.value("paperplane_observer_truncated_responses_total",
                    Map.of("route", "/observer/v1/audit/events"))).isEqualTo(1);
        }
    }

    @Test
    void theAuditGaugesAreReadWhenScrapedAndShowWhatTheLatestCatchUpVerified() {
        InMemoryStore store = Logs.session(10);
        try (ObserverServer server = start(store, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)) {
            Client client = new Client(server.port());
            long head = store.head().seq();

            Exposition first = scrape(client);
            assertThat(first.value("paperplane_audit_head_seq")).isEqualTo(head);
            assertThat(first.value("paperplane_audit_verified_seq")).isEqualTo(head);
            assertThat(first.value("paperplane_audit_chain_intact")).isEqualTo(1);
            assertThat(first.value("paperplane_observer_last_catch_up_events")).isEqualTo(head);
            assertThat(first.value("paperplane_audit_log_bytes")).isEqualTo(store.storage().bytes());

            int appended = store.append(Logs.batch(11)).size();
            Exposition second = scrape(client);

            assertThat(second.value("paperplane_audit_head_seq")).isEqualTo(head + appended);
            assertThat(second.value("paperplane_audit_verified_seq")).isEqualTo(head + appended);
            assertThat(second.value("paperplane_observer_last_catch_up_events")).isEqualTo(appended);
            assertThat(second.value("paperplane_audit_log_bytes")).isEqualTo(store.storage().bytes());
        }
    }

    @Test
    void thePerformanceGaugesShowEquityDrawdownAndEachStrategysTotalAsPerformanceDoes() {
        InMemoryStore store = Logs.session(20);
        try (ObserverServer server = start(store, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)) {
            Client client = new Client(server.port());

            Exposition metrics = scrape(client);
            jakarta.json.JsonObject performance = client.json("/observer/v1/performance");

            jakarta.json.JsonObject portfolio = performance.getJsonObject("portfolio");
            assertThat(metrics.value("paperplane_performance_equity"))
                    .isEqualTo(Double.parseDouble(portfolio.getString("equity")));
            assertThat(metrics.value("paperplane_performance_max_drawdown"))
                    .isEqualTo(Double.parseDouble(portfolio.getJsonObject("drawdown").getString("amount")));
            for (String strategy : List.of("breakout", "ma-fast")) {
                assertThat(metrics.value("paperplane_performance_strategy_total_pnl", Map.of("strategy", strategy)))
                        .isEqualTo(Double.parseDouble(performance.getJsonObject("strategies").getJsonObject(strategy)
                                .getJsonObject("pnl").getString("total")));
            }
        }
    }

    private static ObserverServer start(InMemoryStore store, long maxResponseBytes) {
        return ObserverServer.start(ObserverSettings.defaults("m").withPort(0).withMaxResponseBytes(maxResponseBytes),
                store, store);
    }

    private static Exposition scrape(Client client) {
        HttpResponse<String> response = client.get("/observe/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return Exposition.parse(response.body());
    }
}
