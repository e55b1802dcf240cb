package dev.paperplane.adapters.observer;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.Replica;
import dev.paperplane.application.observe.LogOverview;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import io.helidon.common.pki.Keys;
import io.helidon.common.pki.PkiException;
import io.helidon.common.socket.SocketOptions;
import io.helidon.common.tls.Tls;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderValues;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.jsonb.JsonbSupport;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ErrorHandling;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The read-only HTTP observer: a Helidon SE WebServer answering GET and HEAD under {@code /observer/v1} from
 * the read ports, plus liveness and readiness under {@code /observe/health} and Prometheus metrics at
 * {@code /observe/metrics}. Off loopback it needs a bearer token; it serves HTTPS when given a certificate. Start
 * it with {@link #start(ObserverSettings, AuditReadPort, SnapshotLoadPort)}, stop it with {@link #stop()}.
 */
public final class ObserverServer implements AutoCloseable {
    /** The largest request line (method, URI, version) accepted; longer ones get 414. */
    public static final int MAX_REQUEST_LINE_BYTES = 2048;
    /** The largest header section accepted; larger ones get 431. */
    public static final int MAX_HEADER_BYTES = 8192;
    /** The methods every resource allows. */
    public static final String ALLOW = "GET, HEAD";

    private final WebServer server;
    private final ObserverMetrics metrics;

    private ObserverServer(WebServer server, ObserverMetrics metrics) {
        this.server = server;
        this.metrics = metrics;
    }

    /**
     * Starts an observer over {@code log} and {@code snapshots}; returns once it listens.
     *
     * @throws ObserverRefusedException when {@code settings} bind an address other than loopback without a
     *                                  token, or name a certificate or key that cannot be loaded
     */
    public static ObserverServer start(ObserverSettings settings, AuditReadPort log, SnapshotLoadPort snapshots) {
        return start(settings, log, snapshots, LogSigning.none());
    }

    /**
     * Starts an observer that also names and signs the transparency log's checkpoints as {@code signing} says.
     *
     * @throws ObserverRefusedException as {@link #start(ObserverSettings, AuditReadPort, SnapshotLoadPort)}
     */
    public static ObserverServer start(ObserverSettings settings, AuditReadPort log, SnapshotLoadPort snapshots,
                                       LogSigning signing) {
        InetAddress address = bindAddress(settings);
        Optional<Tls> tls = settings.tls().map(ObserverServer::tls);
        ObserverApi api = new ObserverApi(settings, log, snapshots);
        LogApi logApi = new LogApi(log, signing);
        ObserverMetrics metrics = new ObserverMetrics(log, api.catchUps());
        ConnectionLimits limits = settings.limits();
        ConnectionGuard guard = new ConnectionGuard(Http1Config.builder()
                .maxPrologueLength(MAX_REQUEST_LINE_BYTES)
                .maxHeadersSize(MAX_HEADER_BYTES)
                .addReceiveListener(ConnectionGuard.requestWatch())
                .build(), limits, metrics::dropped);
        metrics.watch(guard);
        WebServerConfig.Builder builder = WebServer.builder()
                .address(address)
                .port(settings.port())
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .protocolsDiscoverServices(false)
                // without it a response larger than one segment waits for the client's delayed ACK (~40 ms)
                .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                // the guard is the only protocol: HTTP/1.1 within the connection limits
                .addConnectionSelector(guard)
                .maxTcpConnections(limits.maxConnections() + ConnectionGuard.REFUSAL_HEADROOM)
                // Helidon's idle timer asks each connection for its overdue time: zero until its own deadline passed
                .idleConnectionTimeout(Duration.ZERO)
                .idleConnectionPeriod(ConnectionGuard.CHECK_PERIOD)
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
                        .addObserver(MetricsObserver.builder()
                                .meterRegistry(metrics.registry())
                                .build())
                        .build())
                .routing(routing(api, logApi, metrics, settings.token()));
        tls.ifPresent(builder::tls);
        try {
            return new ObserverServer(builder.build().start(), metrics);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
    }

    /**
     * Whether {@code host} is a loopback address (127.0.0.0/8, ::1), the only ones served without a token. A
     * name is resolved as the server would resolve it.
     *
     * @throws ObserverRefusedException when the name cannot be resolved
     */
    public static boolean isLoopback(String host) {
        return resolve(host).isLoopbackAddress();
    }

    /** The path patterns of every resource under {@code /observer/v1}, in registration order; each allows GET and HEAD. */
    public static List<String> resourcePaths() {
        List<String> paths = new ArrayList<>(resources(null, null).stream().map(Resource::path).toList());
        paths.add(LogApi.CHECKPOINT);
        paths.add(LogApi.TILE_RESOURCE);
        return List.copyOf(paths);
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** Stops the server and drops its meters; idempotent. */
    public void stop() {
        if (server.isRunning()) {
            server.stop();
            metrics.close();
        }
    }

    private static InetAddress bindAddress(ObserverSettings settings) {
        InetAddress address = resolve(settings.host());
        if (!address.isLoopbackAddress() && settings.token().isEmpty()) {
            throw new ObserverRefusedException("refusing to listen on " + settings.host() + " without a token: any"
                    + " address but loopback (127.0.0.0/8, ::1) lets the network read the audit log, ledger and"
                    + " decisions. Give a bearer token with --token-file FILE (clients then send"
                    + " `Authorization: Bearer <token>`), or listen on 127.0.0.1 behind a reverse proxy;"
                    + " see docs/operations.md, \"Exposing the observer\"");
        }
        return address;
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ObserverRefusedException("cannot resolve the host " + Problems.excerpt(host)
                    + " to listen on; give an IP address such as 127.0.0.1");
        }
    }

    private static Tls tls(TlsFiles files) {
        for (Path file : List.of(files.certificate(), files.privateKey())) {
            if (!Files.isReadable(file)) {
                throw new ObserverRefusedException("cannot read " + file + " for TLS: "
                        + (Files.exists(file) ? "permission denied" : "it does not exist")
                        + "; --tls-cert and --tls-key take PEM files");
            }
        }
        try {
            Keys keys = Keys.builder()
                    .pem(pem -> pem.key(io.helidon.common.configurable.Resource.create(files.privateKey()))
                            .certChain(io.helidon.common.configurable.Resource.create(
                                    files.certificate())))
                    .build();
            if (keys.privateKey().isEmpty() || keys.certChain().isEmpty()) {
                throw new ObserverRefusedException("no private key in " + files.privateKey() + " or no certificate"
                        + " in " + files.certificate() + "; --tls-key takes a PEM PRIVATE KEY (PKCS#8) or RSA"
                        + " PRIVATE KEY block, --tls-cert one or more PEM CERTIFICATE blocks");
            }
            return Tls.builder()
                    .privateKey(keys.privateKey().get())
                    .privateKeyCertChain(keys.certChain())
                    .build();
        } catch (PkiException | IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new ObserverRefusedException("cannot load the TLS key " + files.privateKey() + " and certificate "
                    + files.certificate() + ": " + e.getMessage() + "; --tls-key takes an unencrypted PEM PRIVATE"
                    + " KEY (PKCS#8) or RSA PRIVATE KEY block (convert others with `openssl pkcs8 -topk8 -nocrypt"
                    + " -in KEY -out KEY.pkcs8.pem`), --tls-cert PEM CERTIFICATE blocks");
        }
    }

    @Override
    public void close() {
        stop();
    }

    private record Resource(String path, Function<io.helidon.webserver.http.ServerRequest, Reply> endpoint) {
    }

    private static List<Resource> resources(ObserverApi api, LogApi log) {
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
                new Resource(b + "/openapi", req -> api.openApi(req)),
                new Resource(b + "/performance", req -> api.performance(req)),
                new Resource(b + "/performance/trades", req -> api.trades(req)),
                new Resource(b + "/performance/equity", req -> api.equity(req)),
                new Resource(LogApi.INCLUSION, req -> log.inclusion(req)),
                new Resource(LogApi.CONSISTENCY, req -> log.consistency(req)));
    }

    private static HttpRouting.Builder routing(ObserverApi api, LogApi log, ObserverMetrics metrics,
                                               Optional<BearerToken> token) {
        HttpRouting.Builder routing = HttpRouting.builder();
        Failures failures = new Failures(metrics::cancelledRead);
        // Registration order is execution order: honour Connection: close, count every request, then check the
        // token, then the method and Accept.
        routing.addFilter(closeOnRequest(failures));
        routing.addFilter(metrics.filter());
        routing.addFilter(new PerformanceGauges(metrics, api.performance()).filter());
        token.ifPresent(t -> routing.addFilter(new Access(t)));
        routing.addFilter(new RequestChecks());
        for (Resource resource : resources(api, log)) {
            Handler handler = (req, res) -> Responses.send(req, res, read(resource, req))
                    .filter(Rendered::truncated)
                    .ifPresent(rendered -> metrics.truncated(resource.path()));
            routing.get(resource.path(), handler);
            routing.head(resource.path(), handler);
        }
        log.register(routing);
        routing.head(ObserverMetrics.ENDPOINT, metrics.head());
        routing.error(RuntimeException.class, failures);
        return routing;
    }

    /** A resource's reply; a failure while it read the store is the store's (a problem it raised is its own). */
    private static Reply read(Resource resource, io.helidon.webserver.http.ServerRequest req) {
        try {
            return resource.endpoint().apply(req);
        } catch (ProblemException | IllegalArgumentException | AuditCorruptionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Failures.StoreUnavailableException(e);
        }
    }

    /**
     * Closes the connection after answering a request that sent {@code Connection: close} (RFC 9112, section 9.6):
     * Helidon 4.5.0 says {@code Connection: close} in the response but keeps reading the socket. A failure is
     * answered here, as the error handlers would, because the close must follow the answer.
     */
    private static Filter closeOnRequest(Failures failures) {
        return (chain, req, res) -> {
            if (!req.headers().contains(HeaderValues.CONNECTION_CLOSE)) {
                chain.proceed();
                return;
            }
            try {
                chain.proceed();
            } catch (RuntimeException e) {
                failures.handle(req, res, e);
            }
            throw new CloseConnectionException("the client asked to close the connection");
        };
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
                    LogOverview overview = api.catchUps().catchUp();
                    Replica replica = log.replica();
                    HealthCheckResponse.Builder ready = HealthCheckResponse.builder()
                            .status(overview.intact())
                            .detail("verifiedSeq", overview.verified().seq())
                            .detail("firstBadSeq", overview.chainBreak().map(b -> b.seq()).orElse(-1L))
                            .detail("standby", replica.standby());
                    // JSON has no NaN: an unknown lag is left out
                    replica.replayLag().ifPresent(lag -> ready.detail("replayLagSeconds", lag.toNanos() / 1e9));
                    return ready.build();
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
