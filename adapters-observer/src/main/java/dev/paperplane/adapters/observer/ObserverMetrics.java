package dev.paperplane.adapters.observer;

import dev.paperplane.application.audit.AuditReadPort;
import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Status;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.MetricsConfig;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The observer's own metrics, which Helidon's metrics observer renders at {@code /observe/metrics}. Counters and
 * timers are updated by the requests themselves; gauges read their value when scraped. Nothing here runs on a
 * timer or a thread of its own.
 *
 * <p>All observers of a process share one meter registry: Helidon 4.5.0 backs every registry with Micrometer's
 * global one, and two registries adding meters at the same time deadlock. An observer removes its meters when it
 * stops; paperplane runs one observer per process, so its meters are its own.
 */
final class ObserverMetrics {
    /** Where Helidon's metrics observer answers. */
    static final String ENDPOINT = "/observe/metrics";
    /** The route label of a request answered before routing (401, 405, 406) or matching no route (404). */
    static final String UNMATCHED = "unmatched";

    static final String REQUESTS = "paperplane.observer.requests";
    static final String REQUEST_DURATION = "paperplane.observer.request.duration";
    static final String TRUNCATED = "paperplane.observer.truncated.responses";
    static final String HEAD_SEQ = "paperplane.audit.head.seq";
    static final String LOG_BYTES = "paperplane.audit.log.bytes";
    static final String VERIFIED_SEQ = "paperplane.audit.verified.seq";
    static final String CHAIN_INTACT = "paperplane.audit.chain.intact";
    static final String CAUGHT_UP = "paperplane.observer.last.catch.up.events";
    static final String CONNECTIONS_OPEN = "paperplane.observer.connections.open";
    static final String CONNECTIONS_DROPPED = "paperplane.observer.connections.dropped";
    static final String STANDBY = "paperplane.store.standby";
    static final String REPLAY_LAG = "paperplane.store.replay.lag.seconds";
    static final String CANCELLED_READS = "paperplane.store.cancelled.reads";

    /** Histogram buckets: Prometheus computes quantiles from them across observers (no client-side ones). */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5),
        Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1),
        Duration.ofSeconds(5)};

    private final MeterRegistry registry = Shared.REGISTRY;
    private final CatchUps catchUps;
    private final Set<Meter> meters = ConcurrentHashMap.newKeySet();
    private final Map<String, Answered> answered = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final Counter cancelledReads;

    /** The process's one registry, created when the first observer starts. */
    private static final class Shared {
        static final MeterRegistry REGISTRY = MeterRegistry.create(MetricsConfig.create());
    }

    ObserverMetrics(AuditReadPort log, CatchUps catchUps) {
        this.catchUps = catchUps;
        gauge(HEAD_SEQ, "seq of the last record of the audit log", log, l -> l.head().seq());
        gauge(LOG_BYTES, "size of the audit log's segment files", log, l -> l.storage().bytes());
        gauge(VERIFIED_SEQ, "seq up to which the observer verified the hash chain", catchUps,
                c -> c.latest().overview().verified().seq());
        gauge(CHAIN_INTACT, "1 while the audit log reads and its chain verifies up to its head, else 0", catchUps,
                c -> c.latest().intact() ? 1 : 0);
        gauge(CAUGHT_UP, "records the observer's latest catch-up verified beyond the one before", catchUps,
                c -> c.latest().events());
        gauge(STANDBY, "1 while the store is a read-only replica (a PostgreSQL hot standby), else 0", log,
                l -> l.replica().standby() ? 1 : 0);
        gauge(REPLAY_LAG, "age of the newest change a standby replayed while it has received changes not yet "
                + "replayed; 0 once it replayed all it received, and on a store that is no replica", log,
                l -> l.replica().replayLag().map(lag -> lag.toNanos() / 1e9).orElse(Double.NaN));
        cancelledReads = mine(Counter.builder(CANCELLED_READS)
                .description("requests whose read the store cancelled (a hot standby's recovery conflict), "
                        + "answered 503 with Retry-After"));
    }

    /** Counts a request whose read the store cancelled. */
    void cancelledRead() {
        if (!closed) {
            cancelledReads.increment();
        }
    }

    /** The registry Helidon's metrics observer renders. */
    MeterRegistry registry() {
        return registry;
    }

    /**
     * HEAD of the endpoint, which Helidon's metrics observer answers for GET only: the status and content type a GET
     * with the same {@code Accept} gets (the formats Helidon offers, in its order of preference), without a body.
     */
    Handler head() {
        return (req, res) -> {
            Optional<MediaType> type = req.headers().bestAccepted(MediaTypes.TEXT_PLAIN,
                    MediaTypes.APPLICATION_OPENMETRICS_TEXT, MediaTypes.APPLICATION_JSON);
            type.ifPresent(res.headers()::contentType);
            res.status(type.isPresent() ? Status.OK_200 : Status.NOT_ACCEPTABLE_406).send();
        };
    }

    /**
     * Counts and times every request by route and status, once its response is sent; a metrics scrape first
     * brings the verified overview up to date, so the audit gauges it reads are current and consistent.
     */
    Filter filter() {
        return (FilterChain chain, RoutingRequest req, RoutingResponse res) -> {
            if (req.path().path().equals(ENDPOINT)) {
                catchUps.tryCatchUp();
            }
            Timer.Sample sample = Timer.start(registry);
            res.whenSent(() -> {
                Answered answered = answered(req.matchingPattern().orElse(UNMATCHED), res.status().code());
                answered.requests().increment();
                sample.stop(answered.duration());
            });
            chain.proceed();
        };
    }

    /** The meters of one route and status, created on its first request and kept: meter look-ups cost. */
    private record Answered(Counter requests, Timer duration) {
    }

    private Answered answered(String route, int status) {
        return answered.computeIfAbsent(route + ' ' + status, key -> {
            List<Tag> tags = List.of(Tag.create("route", route), Tag.create("status", String.valueOf(status)));
            return new Answered(
                    mine(Counter.builder(REQUESTS)
                            .description("requests answered, by route pattern and status")
                            .tags(tags)),
                    mine(Timer.builder(REQUEST_DURATION)
                            .description("time from receiving a request to having sent its response")
                            .buckets(LATENCY_BUCKETS)
                            .percentiles(new double[0])
                            .tags(tags)));
        });
    }

    /** Counts a response the size limit cut short: a page truncated or an item shown by reference. */
    void truncated(String route) {
        mine(Counter.builder(TRUNCATED)
                .description("responses the size limit cut short (a page truncated, an item shown by reference)")
                .tags(List.of(Tag.create("route", route)))).increment();
    }

    /** Shows the connections {@code guard} holds open. */
    void watch(ConnectionGuard guard) {
        gauge(CONNECTIONS_OPEN, "connections open now (admitted, not refused)", guard, ConnectionGuard::open);
    }

    /** Counts a connection closed before a request on it was answered, by why. */
    void dropped(ConnectionDrop drop) {
        if (closed) {
            // a connection ending after its observer stopped must not put a meter back into the shared registry
            return;
        }
        mine(Counter.builder(CONNECTIONS_DROPPED)
                .description("connections closed before a request on them was answered: refused at the connection"
                        + " cap, past the header or idle timeout, or cut off by the client mid-request")
                .tags(List.of(Tag.create("reason", drop.label())))).increment();
    }

    /** Removes this observer's meters from the registry. */
    void close() {
        closed = true;
        meters.forEach(registry::remove);
        meters.clear();
        answered.clear();
    }

    private <B extends Meter.Builder<B, M>, M extends Meter> M mine(B builder) {
        M meter = registry.getOrCreate(builder);
        meters.add(meter);
        return meter;
    }

    private <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        gauge(name, description, List.of(), source, value);
    }

    /** A gauge read when scraped, NaN while its source cannot be read; removed when the observer stops. */
    <T> void gauge(String name, String description, List<Tag> tags, T source, ToDoubleFunction<T> value) {
        mine(Gauge.builder(name, source, s -> {
            try {
                return value.applyAsDouble(s);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description(description).tags(tags));
    }
}
