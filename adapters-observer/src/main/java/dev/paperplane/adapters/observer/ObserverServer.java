package dev.paperplane.adapters.observer;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.observe.LogOverview;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Method;
import io.helidon.http.NotFoundException;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.http.Status;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.jsonb.JsonbSupport;
import io.helidon.webserver.ErrorHandling;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The read-only HTTP observer: a Helidon SE WebServer answering GET and HEAD under {@code /observer/v1} from
 * the read ports, plus liveness and readiness under {@code /observe/health}. Start it with
 * {@link #start(ObserverSettings, AuditReadPort, SnapshotLoadPort)}, stop it with {@link #stop()}.
 */
public final class ObserverServer implements AutoCloseable {
    /** The largest request line (method, URI, version) accepted; longer ones get 414. */
    public static final int MAX_REQUEST_LINE_BYTES = 2048;
    /** The largest header section accepted; larger ones get 431. */
    public static final int MAX_HEADER_BYTES = 8192;
    /** The methods every resource allows. */
    public static final String ALLOW = "GET, HEAD";

    private final WebServer server;

    private ObserverServer(WebServer server) {
        this.server = server;
    }

    /** Starts an observer over {@code log} and {@code snapshots}; returns once it listens. */
    public static ObserverServer start(ObserverSettings settings, AuditReadPort log, SnapshotLoadPort snapshots) {
        ObserverApi api = new ObserverApi(settings, log, snapshots);
        WebServer server = WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .protocolsDiscoverServices(false)
                .addProtocol(Http1Config.builder()
                        .maxPrologueLength(MAX_REQUEST_LINE_BYTES)
                        .maxHeadersSize(MAX_HEADER_BYTES)
                        .build())
                .mediaContext(MediaContext.builder()
                        .mediaSupportsDiscoverServices(false)
                        .addMediaSupport(JsonbSupport.create(Json.jsonb()))
                        .build())
                .directHandlers(directHandlers())
                .errorHandling(ErrorHandling.builder().includeEntity(true).build())
                .addFeature(ObserveFeature.builder()
                        .observersDiscoverServices(false)
                        .addObserver(HealthObserver.builder()
                                .useSystemServices(false)
                                .details(true)
                                .addCheck(liveness())
                                .addCheck(readiness(api, log))
                                .build())
                        .build())
                .routing(routing(api))
                .build()
                .start();
        return new ObserverServer(server);
    }

    /** The routing of the observer's resources, as {@link #start} registers it (for tests and inspection). */
    public static HttpRouting.Builder routing(ObserverSettings settings, AuditReadPort log,
                                              SnapshotLoadPort snapshots) {
        return routing(new ObserverApi(settings, log, snapshots));
    }

    /** The path patterns of every resource under {@code /observer/v1}, in registration order; each allows GET and HEAD. */
    public static List<String> resourcePaths() {
        return resources(null).stream().map(Resource::path).toList();
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** Stops the server; idempotent. */
    public void stop() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private record Resource(String path, Function<io.helidon.webserver.http.ServerRequest, Reply> endpoint) {
    }

    private static List<Resource> resources(ObserverApi api) {
        String b = ObserverApi.BASE;
        return List.of(
                new Resource(b + "/runtime", req -> api.runtime(req)),
                new Resource(b + "/audit/events", req -> api.events(req)),
                new Resource(b + "/audit/events/{seq}", req -> api.event(req)),
                new Resource(b + "/audit/summary", req -> api.auditSummary(req)),
                new Resource(b + "/audit/integrity", req -> api.integrity(req)),
                new Resource(b + "/snapshots", req -> api.snapshotList(req)),
                new Resource(b + "/snapshots/{seq}", req -> api.snapshot(req)),
                new Resource(b + "/decisions", req -> api.decisions(req)),
                new Resource(b + "/decisions/summary", req -> api.decisionSummary(req)),
                new Resource(b + "/ledger", req -> api.ledger(req)),
                new Resource(b + "/ledger/fills", req -> api.fills(req)),
                new Resource(b + "/openapi", req -> api.openApi(req)));
    }

    private static HttpRouting.Builder routing(ObserverApi api) {
        HttpRouting.Builder routing = HttpRouting.builder();
        routing.addFilter((chain, req, res) -> {
            Method method = req.prologue().method();
            if (method != Method.GET && method != Method.HEAD) {
                res.header(HeaderNames.ALLOW, ALLOW);
                Problems.send(req, res, Status.METHOD_NOT_ALLOWED_405, "method-not-allowed", "Method not allowed",
                        "the observer is read-only: it answers GET and HEAD only");
                return;
            }
            if (!acceptsJson(req.headers())) {
                Problems.send(req, res, Status.NOT_ACCEPTABLE_406, "not-acceptable", "Not acceptable",
                        "the observer answers application/json (errors application/problem+json) only");
                return;
            }
            chain.proceed();
        });
        for (Resource resource : resources(api)) {
            Handler handler = (req, res) -> Responses.send(req, res, resource.endpoint().apply(req));
            routing.get(resource.path(), handler);
            routing.head(resource.path(), handler);
        }
        routing.error(ProblemException.class, (req, res, e) -> Problems.send(req, res, e));
        routing.error(NotFoundException.class, (req, res, e) -> Problems.send(req, res, Status.NOT_FOUND_404,
                "not-found", "Not found", req.path().rawPath().startsWith(ObserverApi.BASE + "/")
                        || req.path().rawPath().equals(ObserverApi.BASE)
                        ? "no such resource; see " + ObserverApi.BASE + "/openapi"
                        : "no such resource or API version; this observer serves " + ObserverApi.BASE
                        + " (see " + ObserverApi.BASE + "/openapi)"));
        routing.error(AuditCorruptionException.class, (req, res, e) -> Problems.send(req, res,
                Status.SERVICE_UNAVAILABLE_503, "audit-log-corrupt", "Audit log corrupt",
                "the audit log fails verification at seq " + e.seq() + "; run `paperplane verify` on the data dir"));
        routing.error(IllegalArgumentException.class, (req, res, e) -> Problems.send(req, res,
                Status.BAD_REQUEST_400, "bad-request", "Malformed request",
                "the request could not be parsed (query or header syntax)"));
        routing.error(RuntimeException.class, (req, res, e) -> Problems.send(req, res,
                Status.SERVICE_UNAVAILABLE_503, "data-unavailable", "Data unavailable",
                "the store could not be read or replayed; check that the data dir is readable and run"
                        + " `paperplane verify` on it"));
        return routing;
    }

    private static boolean acceptsJson(ServerRequestHeaders headers) {
        List<HttpMediaType> accepted = headers.acceptedTypes();
        if (accepted.isEmpty()) {
            return true;
        }
        return headers.isAccepted(MediaTypes.APPLICATION_JSON)
                || headers.isAccepted(MediaTypes.create("application", "problem+json"));
    }

    private static HealthCheck liveness() {
        return new HealthCheck() {
            @Override
            public HealthCheckType type() {
                return HealthCheckType.LIVENESS;
            }

            @Override
            public String name() {
                return "observer";
            }

            @Override
            public HealthCheckResponse call() {
                return HealthCheckResponse.builder().status(true).build();
            }
        };
    }

    private static HealthCheck readiness(ObserverApi api, AuditReadPort log) {
        Objects.requireNonNull(log, "log");
        return new HealthCheck() {
            @Override
            public HealthCheckType type() {
                return HealthCheckType.READINESS;
            }

            @Override
            public String name() {
                return "audit-log";
            }

            @Override
            public HealthCheckResponse call() {
                try {
                    log.storage();
                    LogOverview overview = api.digest().catchUp();
                    return HealthCheckResponse.builder()
                            .status(overview.intact())
                            .detail("verifiedSeq", overview.verified().seq())
                            .detail("firstBadSeq", overview.chainBreak().map(b -> b.seq()).orElse(-1L))
                            .build();
                } catch (RuntimeException e) {
                    return HealthCheckResponse.builder().status(false).detail("readable", false).build();
                }
            }
        };
    }

    private static DirectHandlers directHandlers() {
        DirectHandler handler = new ProblemDirectHandler();
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }
}
