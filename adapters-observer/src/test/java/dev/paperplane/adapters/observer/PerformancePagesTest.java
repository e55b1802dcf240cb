package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.observer.view.PageView;
import dev.paperplane.application.analytics.PerformanceCache;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.domain.decision.Action;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Equity and trades pages are kept by entity tag: an identical request is answered from the page cache, a new head
 * gives a new page, and the bytes are those of JSON-B's encoding of the items. {@code /performance} with
 * {@code ?interval=} or {@code ?at=} makes its figures only when no body with its tag is kept.
 */
class PerformancePagesTest {
    private static final String V1 = "/observer/v1";
    /** Pages of both lists in both formats, and the figures whose report is made only for a new tag. */
    private static final List<String> ANSWERS = List.of(
            V1 + "/performance/equity?interval=1m&limit=5",
            V1 + "/performance/equity?interval=1m&limit=5&format=csv",
            V1 + "/performance/equity?interval=1h&limit=1000",
            V1 + "/performance/trades?limit=2",
            V1 + "/performance/trades?limit=1000&format=csv",
            V1 + "/performance?interval=1m",
            V1 + "/performance?at=20&interval=1h");

    /** The session log; each test starts with two round trips of ma-fast added. */
    private final InMemoryStore store = Logs.session(40);
    /** How often the observer read the log's head: rendering an answer reads it more often than a kept one. */
    private final AtomicInteger heads = new AtomicInteger();
    private final AuditReadPort log = (AuditReadPort) Proxy.newProxyInstance(AuditReadPort.class.getClassLoader(),
            new Class<?>[] {AuditReadPort.class}, (proxy, method, args) -> {
                if (method.getName().equals("head")) {
                    heads.incrementAndGet();
                }
                try {
                    return method.invoke(store, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private ObserverServer server;
    private Client client;

    @BeforeEach
    void start() {
        store.append(Logs.fillAt(41, Action.SELL, "16"));
        store.append(Logs.fillAt(42, Action.BUY, "2"));
        store.append(Logs.fillAt(43, Action.SELL, "2"));
        server = ObserverServer.start(new ObserverSettings("127.0.0.1", 0,
                ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES, "test-1"), log, store);
        client = new Client(server.port());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void anIdenticalRequestIsAnsweredFromThePageCache() {
        for (String page : ANSWERS) {
            int before = heads.get();
            HttpResponse<String> first = ok(page);
            int rendering = heads.get() - before;
            HttpResponse<String> second = ok(page);
            int kept = heads.get() - before - rendering;

            assertThat(second.body()).as(page).isEqualTo(first.body());
            for (String header : List.of("ETag", "Content-Type", "Link", PageEncoding.TRUNCATED)) {
                assertThat(second.headers().allValues(header)).as(page + " " + header)
                        .isEqualTo(first.headers().allValues(header));
            }
            assertThat(kept).as("head reads of %s from the cache, against %d rendering it", page, rendering)
                    .isLessThan(rendering);
        }
    }

    @Test
    void aNewHeadGivesNewPagesAsAFreshObserverServesThem() {
        ANSWERS.forEach(this::ok);
        for (int i = 44; i <= 60; i++) {
            store.append(Logs.batch(i));
        }
        List<HttpResponse<String>> grown = ANSWERS.stream().map(this::ok).toList();
        server.stop();
        server = ObserverServer.start(new ObserverSettings("127.0.0.1", 0,
                ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES, "test-1"), store, store);
        client = new Client(server.port());
        for (int i = 0; i < ANSWERS.size(); i++) {
            HttpResponse<String> fresh = ok(ANSWERS.get(i));
            assertThat(grown.get(i).body()).as(ANSWERS.get(i)).isEqualTo(fresh.body());
            assertThat(grown.get(i).headers().firstValue("ETag")).isEqualTo(fresh.headers().firstValue("ETag"));
        }
        assertThat(ok(V1 + "/performance/equity?interval=1h&limit=1000").body())
                .as("the grown log has more hours").contains("\"seq\":" + store.head().seq());
    }

    @Test
    void servedPagesAreJsonBsEncodingOfTheItems() {
        PerformanceCache figures = new PerformanceCache(store);
        List<byte[]> points = figures.equityCurve(60, Long.MIN_VALUE / 2, 5).stream()
                .map(p -> Json.bytes(PerformanceJson.tree(p))).toList();
        assertThat(ok(V1 + "/performance/equity?interval=1m&limit=5").body()).isEqualTo(page(points, 5,
                V1 + "/performance/equity?after=" + Views.time(figures.equityCurve(60, Long.MIN_VALUE / 2, 5)
                        .getLast().time()) + "&interval=1m&limit=5"));
        List<byte[]> trips = figures.trips(0, Optional.empty(), Optional.empty(), 1000).stream()
                .map(t -> Json.bytes(PerformanceJson.tree(t))).toList();
        assertThat(trips).isNotEmpty();
        assertThat(ok(V1 + "/performance/trades?limit=1000").body()).isEqualTo(page(trips, 1000, null));
    }

    private static String page(List<byte[]> items, int limit, String next) {
        byte[] empty = Json.bytes(new PageView(List.of(), limit, next, false));
        return new String(PageEncoding.JsonPage.splice(empty, items), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> ok(String path) {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }
}
