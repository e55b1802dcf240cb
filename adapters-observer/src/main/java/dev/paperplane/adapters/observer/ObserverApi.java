package dev.paperplane.adapters.observer;

import dev.paperplane.adapters.observer.view.AuditSummaryView;
import dev.paperplane.adapters.observer.view.HeadView;
import dev.paperplane.adapters.observer.view.IntegrityView;
import dev.paperplane.adapters.observer.view.ObserverView;
import dev.paperplane.adapters.observer.view.RuntimeView;
import dev.paperplane.adapters.observer.view.SessionView;
import dev.paperplane.adapters.observer.view.SnapshotView;
import dev.paperplane.application.analytics.PerformanceCache;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.AuditStorage;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.observe.LogDigest;
import dev.paperplane.application.observe.LogOverview;
import dev.paperplane.application.observe.RecordSelection;
import dev.paperplane.application.observe.StateCache;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * The observer's resources. Every answer is derived from the read ports at request time: the log's head is
 * read first and the answer is pinned to it, so the same log prefix always yields the same bytes.
 */
final class ObserverApi {
    /** The API version in every path. */
    static final String API_VERSION = "v1";
    static final String BASE = "/observer/" + API_VERSION;

    private static final System.Logger LOGGER = System.getLogger(ObserverApi.class.getName());

    private final AuditReadPort log;
    private final SnapshotLoadPort snapshots;
    private final ObserverSettings settings;
    private final CatchUps catchUps;
    private final Pager pager;
    private final Etags etags;
    private final byte[] openApi;
    private final StateCache states;
    private final BodyCache bodies = new BodyCache();
    private final BodyCache pages = new BodyCache();
    private final PerformanceCache performance;

    ObserverApi(ObserverSettings settings, AuditReadPort log, SnapshotLoadPort snapshots) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.log = Objects.requireNonNull(log, "log");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.catchUps = new CatchUps(new LogDigest(log));
        this.states = new StateCache(log, snapshots, warning -> LOGGER.log(System.Logger.Level.WARNING, warning));
        this.pager = new Pager(settings.maxResponseBytes());
        this.performance = new PerformanceCache(log);
        this.etags = new Etags(settings.version(), settings.maxResponseBytes());
        this.openApi = loadOpenApi();
    }

    /** The analytics fold, shared with the performance gauges. */
    PerformanceCache performance() {
        return performance;
    }

    /** The digest's catch-ups, shared with the readiness check and the metrics. */
    CatchUps catchUps() {
        return catchUps;
    }

    Reply runtime(ServerRequest req) {
        Params.of(req, Set.of());
        LogOverview overview = catchUps.catchUp();
        return bodies.reply(etags.of(overview.verified(), key(req), breakText(overview)), () -> {
            SessionView session = overview.latestSession().map(Views::session).orElse(null);
            ObserverView observer = new ObserverView(settings.version(), API_VERSION, settings.maxResponseBytes(),
                    Params.DEFAULT_LIMIT, Params.MAX_LIMIT);
            ChainHead head = overview.verified();
            return whole(new RuntimeView(session, new HeadView(head.seq(), head.hash()), observer));
        });
    }

    Reply events(ServerRequest req) {
        Params params = Params.of(req, Set.of("after", "limit", "type", Format.PARAMETER));
        Format format = Format.of(req, params);
        long after = params.seq("after", 0);
        int limit = params.limit();
        Optional<String> type = params.text("type");
        if (type.isPresent() && !RecordSelection.EVENT_TYPES.contains(type.get())) {
            throw ProblemException.badParameter("type must be one of " + RecordSelection.EVENT_TYPES + ", was '"
                    + Problems.excerpt(type.get()) + "'");
        }
        ChainHead head = log.head();
        RecordSelection selection = RecordSelection.events(after, head.seq(), type);
        return Reply.negotiated(etags.of(head, key(req), format.name()), () -> {
            try (Stream<AuditRecord> records = selection.open(log)) {
                return AuditEventsPage.render(pager, records.iterator(), limit, type, format, format.inNext(params));
            }
        });
    }

    Reply event(ServerRequest req) {
        Params.of(req, Set.of());
        long seq = Params.pathSeq(req);
        ChainHead head = log.head();
        if (seq > head.seq()) {
            throw ProblemException.notFound("no record at seq " + seq + ": the log's head is seq " + head.seq());
        }
        return new Reply(etags.of(head, key(req)), () -> {
            AuditRecord record = log.read(seq).orElseThrow(
                    () -> ProblemException.notFound("no record at seq " + seq));
            Object view = Views.event(record);
            byte[] body = Json.bytes(view);
            if (body.length > settings.maxResponseBytes()) {
                return new Rendered(Json.bytes(Views.omitted(seq, record.event().type(), body.length)),
                        Optional.empty(), true);
            }
            return new Rendered(body, Optional.empty());
        });
    }

    Reply auditSummary(ServerRequest req) {
        Params.of(req, Set.of());
        LogOverview overview = catchUps.catchUp();
        AuditStorage storage = log.storage();
        return bodies.reply(etags.of(overview.verified(), key(req), breakText(overview), "bytes=" + storage.bytes(),
                "segments=" + storage.segments()), () -> {
            long records = overview.verified().seq();
            return whole(new AuditSummaryView(overview.countsByType(), records, records == 0 ? null : 1L,
                    records == 0 ? null : records, overview.firstTime().map(Views::time).orElse(null),
                    overview.lastTime().map(Views::time).orElse(null), overview.verified().hash(),
                    storage.bytes(), storage.segments()));
        });
    }

    Reply integrity(ServerRequest req) {
        Params.of(req, Set.of());
        LogOverview overview = catchUps.catchUp();
        return bodies.reply(etags.of(overview.verified(), key(req), breakText(overview)), () -> whole(new IntegrityView(
                overview.intact(), overview.verified().seq(), overview.verified().hash(),
                overview.chainBreak().map(b -> b.seq()).orElse(null),
                overview.chainBreak().map(b -> b.reason()).orElse(null))));
    }

    Reply snapshotList(ServerRequest req) {
        Params params = Params.of(req, Set.of("after", "limit", Format.PARAMETER));
        Format format = Format.of(req, params);
        long after = params.seq("after", 0);
        int limit = params.limit();
        ChainHead head = log.head();
        List<SnapshotView> all = snapshotViews(head);
        return Reply.negotiated(etags.of(head, key(req), listing(all), format.name()), () -> pager.page(
                all.stream().filter(s -> s.seq() > after).iterator(), limit, Listings.SNAPSHOTS, format,
                seq -> BASE + "/snapshots" + query(seq, limit, Map.of(Format.PARAMETER, format.inNext(params)))));
    }

    Reply snapshot(ServerRequest req) {
        Params.of(req, Set.of());
        long seq = Params.pathSeq(req);
        ChainHead head = log.head();
        SnapshotView view = snapshotViews(head).stream().filter(s -> s.seq() == seq).findFirst()
                .orElseThrow(() -> ProblemException.notFound("no snapshot is stored at seq " + seq));
        return new Reply(etags.of(head, key(req), listing(List.of(view))), () -> whole(view));
    }

    Reply decisions(ServerRequest req) {
        Params params = Params.of(req, Set.of("after", "limit", "strategy", "instrument", Format.PARAMETER));
        Format format = Format.of(req, params);
        long after = params.seq("after", 0);
        int limit = params.limit();
        Optional<String> strategy = params.text("strategy");
        Optional<String> instrument = params.text("instrument");
        ChainHead head = log.head();
        RecordSelection selection = RecordSelection.decisions(after, head.seq(), strategy, instrument);
        return Reply.negotiated(etags.of(head, key(req), format.name()), () -> page(selection, limit, Views::decision,
                Listings.DECISIONS, format, seq -> BASE + "/decisions" + query(seq, limit, Map.of("instrument",
                        instrument, "strategy", strategy, Format.PARAMETER, format.inNext(params)))));
    }

    Reply fills(ServerRequest req) {
        Params params = Params.of(req, Set.of("after", "limit", Format.PARAMETER));
        Format format = Format.of(req, params);
        long after = params.seq("after", 0);
        int limit = params.limit();
        ChainHead head = log.head();
        RecordSelection selection = RecordSelection.fills(after, head.seq());
        return Reply.negotiated(etags.of(head, key(req), format.name()), () -> page(selection, limit, Views::fill,
                Listings.FILLS, format, seq -> BASE + "/ledger/fills" + query(seq, limit,
                        Map.of(Format.PARAMETER, format.inNext(params)))));
    }

    Reply ledger(ServerRequest req) {
        Params params = Params.of(req, Set.of("at"));
        Optional<Long> at = params.optionalSeq("at");
        ReplayedState state;
        if (at.isEmpty()) {
            state = states.atHead();
        } else {
            long head = log.head().seq();
            if (at.get() > head) {
                throw ProblemException.notFound("no ledger at seq " + at.get() + ": the log's head is seq " + head);
            }
            state = states.at(at.get());
        }
        return bodies.reply(etags.of(state.head(), key(req)), () -> whole(Views.ledger(state)));
    }

    Reply decisionSummary(ServerRequest req) {
        Params.of(req, Set.of());
        ReplayedState state = states.atHead();
        return bodies.reply(etags.of(state.head(), key(req)), () -> whole(Views.decisionSummary(state)));
    }

    Reply performance(ServerRequest req) {
        Params params = Params.of(req, Set.of("at", "interval"));
        Optional<Long> at = params.optionalSeq("at");
        String interval = params.text("interval").orElse("1d");
        long perDay = 86_400 / Params.intervalSeconds(interval);
        // The tag needs only the head the figures are at; they are made when no body with that tag is kept.
        if (at.isEmpty()) {
            PerformanceCache.Performance daily = performance.atHead();
            ChainHead head = daily.head();
            return bodies.reply(etags.of(head, key(req)), () -> performanceBody(perDay == 1 ? daily
                    : performance.at(head.seq(), interval, perDay)));
        }
        ChainHead pinned = headAt(at.get());
        return bodies.reply(etags.of(pinned, key(req)), () -> performanceBody(
                performance.at(pinned.seq(), interval, perDay)));
    }

    Reply trades(ServerRequest req) {
        Params params = Params.of(req, Set.of("after", "limit", "strategy", "instrument", Format.PARAMETER));
        Format format = Format.of(req, params);
        long after = params.seq("after", 0);
        int limit = params.limit();
        Optional<String> strategy = params.text("strategy");
        Optional<String> instrument = params.text("instrument");
        ChainHead head = performance.atHead().head();
        return pages.negotiated(etags.of(head, key(req), format.name()), () -> pager.page(
                performance.trips(after, strategy, instrument, limit + 1).iterator(), limit, Listings.TRADES, format,
                seq -> BASE + "/performance/trades" + query(seq, limit, Map.of("instrument", instrument,
                        "strategy", strategy, Format.PARAMETER, format.inNext(params)))), () -> stillAt(head));
    }

    Reply equity(ServerRequest req) {
        Params params = Params.of(req, Set.of("interval", "after", "limit", Format.PARAMETER));
        Format format = Format.of(req, params);
        String interval = params.text("interval").orElse("1m");
        long seconds = Params.intervalSeconds(interval);
        long after = params.text("after").map(Params::epochSecond).orElse(Long.MIN_VALUE / 2);
        int limit = params.limit();
        ChainHead head = performance.atHead().head();
        String formatInNext = format.inNext(params).map(f -> "&" + Format.PARAMETER + "=" + f).orElse("");
        return pages.negotiated(etags.of(head, key(req), format.name()), () -> pager.page(
                performance.equityCurve(seconds, after, limit + 1).iterator(), limit, Listings.equity(interval),
                format, end -> BASE + "/performance/equity?after=" + Views.time(Instant.ofEpochSecond(
                        Math.min(end, Instant.MAX.getEpochSecond()))) + "&interval=" + interval + "&limit=" + limit
                        + formatInNext), () -> stillAt(head));
    }

    Reply openApi(ServerRequest req) {
        Params.of(req, Set.of());
        return new Reply(etags.of(ChainHead.GENESIS, key(req)), () -> whole(openApi));
    }

    private Rendered performanceBody(PerformanceCache.Performance figures) {
        return whole(Json.bytes(PerformanceJson.tree(figures.report())));
    }

    /** The head after the record at {@code seq}: what the figures {@code ?at=seq} are pinned to. */
    private ChainHead headAt(long seq) {
        long head = log.head().seq();
        if (seq > head) {
            throw ProblemException.notFound("no figures at seq " + seq + ": the log's head is seq " + head);
        }
        if (seq == 0) {
            return ChainHead.GENESIS;
        }
        return new ChainHead(seq, log.read(seq).orElseThrow(() -> new IllegalStateException(
                "the log has no record at seq " + seq + " below its head seq " + head)).hash());
    }

    /**
     * Whether the analytics are still at {@code head}: a page read from them after the log moved on (another request
     * caught up meanwhile) holds a later head's items, so it is sent but not kept under {@code head}'s tag.
     */
    private boolean stillAt(ChainHead head) {
        return performance.atHead().head().equals(head);
    }

    /** A page of the records {@code selection} picks, each shown as its {@code view}. */
    private <T> Rendered page(RecordSelection selection, int limit, Function<AuditRecord, T> view, Listing<T> listing,
                              Format format, LongFunction<String> nextUrl) {
        try (Stream<AuditRecord> records = selection.open(log)) {
            return pager.page(records.map(view).iterator(), limit, listing, format, nextUrl);
        }
    }

    /** A whole (unpaginated) body, refused when it exceeds the response size limit. */
    private Rendered whole(Object view) {
        return whole(Json.bytes(view));
    }

    private Rendered whole(byte[] body) {
        if (body.length > settings.maxResponseBytes()) {
            throw new ProblemException(io.helidon.http.Status.create(507, "Insufficient Storage"),
                    "response-too-large", "Response larger than the configured limit",
                    "the answer has " + body.length + " bytes, more than --max-response-bytes "
                            + settings.maxResponseBytes() + "; restart the observer with a larger limit");
        }
        return new Rendered(body, Optional.empty());
    }

    private List<SnapshotView> snapshotViews(ChainHead head) {
        return snapshots.list().stream()
                .sorted(Comparator.comparingLong(SnapshotInfo::seq))
                .map(info -> snapshotView(info, head))
                .toList();
    }

    private SnapshotView snapshotView(SnapshotInfo info, ChainHead head) {
        Optional<String> problem = info.problem();
        if (problem.isEmpty()) {
            if (info.seq() > head.seq()) {
                problem = Optional.of("its seq " + info.seq() + " is beyond the log's head seq " + head.seq());
            } else if (info.seq() > 0) {
                String hash = log.read(info.seq()).map(AuditRecord::hash).orElse("");
                if (!hash.equals(info.chainHash())) {
                    problem = Optional.of("its chain hash differs from the log's at seq " + info.seq()
                            + ": it belongs to another log");
                }
            } else if (!info.chainHash().equals(ChainHead.GENESIS.hash())) {
                problem = Optional.of("its chain hash at seq 0 is not the genesis hash");
            }
        }
        return new SnapshotView(info.seq(), info.chainHash(), info.schemaVersion(), info.checksum(),
                info.sizeBytes(), problem.isEmpty(), problem.orElse(null));
    }

    private static String listing(List<SnapshotView> views) {
        StringBuilder text = new StringBuilder();
        for (SnapshotView v : views) {
            text.append(v.seq()).append(' ').append(v.chainHash()).append(' ').append(v.checksum()).append(' ')
                    .append(v.sizeBytes()).append(' ').append(v.schemaVersion()).append(' ').append(v.problem())
                    .append('\n');
        }
        return text.toString();
    }

    private static String breakText(LogOverview overview) {
        return overview.chainBreak().map(b -> b.seq() + " " + b.reason()).orElse("intact");
    }

    /** The request as the tag sees it: path and query as sent. */
    private static String key(ServerRequest req) {
        return req.path().rawPath() + "?" + req.query().rawValue();
    }

    /** The query of a next page: after and limit first, then the filters given, by name. */
    static String query(long after, int limit, Map<String, Optional<String>> filters) {
        StringBuilder q = new StringBuilder("?after=").append(after).append("&limit=").append(limit);
        new TreeMap<>(filters).forEach((name, value) -> value.ifPresent(v -> q.append('&').append(name).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"))));
        return q.toString();
    }

    private static byte[] loadOpenApi() {
        try (InputStream in = ObserverApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the observer module");
            }
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(in)) {
                return Json.bytes(reader.readObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the observer's openapi.json resource", e);
        }
    }
}
