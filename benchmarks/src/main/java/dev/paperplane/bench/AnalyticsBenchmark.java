package dev.paperplane.bench;

import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.adapters.observer.ObserverSettings;
import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreReader;
import dev.paperplane.application.analytics.PerformanceCache;
import dev.paperplane.application.analytics.PerformanceFold;
import dev.paperplane.application.analytics.PerformanceReport;
import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.domain.audit.AuditEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The performance analytics on a generated log: the fold's cost per event (beside {@code replay.replayVerified} on
 * the same log, which the {@code analytics} group runs with it), the observer's catch-up from genesis, and, on an
 * observer in this JVM that has caught up, the latency of {@code /performance}, of an equity page and of
 * {@code /performance?at=} from its checkpoint, over HTTP on loopback as a client sees them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class AnalyticsBenchmark {
    /** The fold case folds at most this many events, decoded into memory first (10M would not fit the heap). */
    static final int FOLD_EVENTS = 1_000_000;

    /** The log's first {@link #FOLD_EVENTS} events, decoded once (without verification: the fold alone is timed). */
    @State(Scope.Benchmark)
    public static class Decoded {
        AuditEvent[] events;

        /** Decodes the events. */
        @Setup(Level.Trial)
        public void decode(LogState log) {
            events = new AuditEvent[(int) Math.min(log.data.events(), FOLD_EVENTS)];
            int[] n = {0};
            Lines.forEach(log.data.segments(), (buf, off, len) -> {
                if (n[0] < events.length) {
                    events[n[0]++] = AuditCodec.decodeUnverified(buf, off, len).event();
                }
            });
        }
    }

    /** A real observer over the log's {@code full} directory in this JVM, caught up, and a client of it. */
    @State(Scope.Benchmark)
    public static class Served {
        private static final String BASE = "/observer/v1";
        private ObserverServer server;
        private final HttpClient client = HttpClient.newHttpClient();
        PerformanceFold head;
        URI performance;
        URI liveness;
        URI equityPage;
        /** More seqs than the observer keeps bodies, taken in turn, so that every request folds: none is kept. */
        static final int AT_SEQS = 2 * 32;
        URI[] performanceAt;
        int nextAt;

        /** Starts the observer, asks every URL once (the first folds the whole log) and folds the head's copy. */
        @Setup(Level.Trial)
        public void start(LogState log) {
            FileStoreReader reader = FileStore.openReader(log.data.full());
            server = ObserverServer.start(new ObserverSettings("127.0.0.1", 0,
                    ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES, "bench"), reader, reader);
            head = new PerformanceFold();
            try (Stream<AuditRecord> records = FileStore.openReader(log.data.full()).readAfter(0)) {
                records.forEach(r -> head.apply(r.seq(), r.event()));
            }
            long first = head.equityCurve(60, Long.MIN_VALUE / 2, 1).getFirst().time().getEpochSecond();
            long last = reader.read(head.seq()).orElseThrow().event().time().getEpochSecond();
            String base = "http://127.0.0.1:" + server.port() + BASE;
            performance = URI.create(base + "/performance");
            liveness = URI.create("http://127.0.0.1:" + server.port() + "/observe/health/live");
            equityPage = URI.create(base + "/performance/equity?interval=1m&limit=100&after="
                    + Instant.ofEpochSecond(first + (last - first) / 10 * 9));
            performanceAt = new URI[AT_SEQS];
            for (int i = 0; i < AT_SEQS; i++) {
                performanceAt[i] = URI.create(base + "/performance?at=" + Math.max(1, worstAt(head.seq()) - i));
            }
            for (URI uri : new URI[] {performance, equityPage, performanceAt[0]}) {
                get(uri);
            }
        }

        /** Stops the observer. */
        @TearDown(Level.Trial)
        public void stop() {
            server.stop();
        }

        /**
         * The seq just below a checkpoint near the middle of the log: the most records {@code ?at=} folds. The
         * spacing starts at 1,024 and doubles while more than {@link PerformanceCache#MAX_CHECKPOINTS} would be kept.
         */
        private static long worstAt(long headSeq) {
            long spacing = 1024;
            while (headSeq / spacing > PerformanceCache.MAX_CHECKPOINTS) {
                spacing *= 2;
            }
            return Math.max(1, (headSeq / 2 / spacing + 1) * spacing - 1);
        }

        byte[] get(URI uri) {
            try {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
                }
                return response.body();
            } catch (IOException e) {
                throw new UncheckedIOException("GET " + uri + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** Folds the decoded events (at most {@link #FOLD_EVENTS}) into a fresh fold. */
    @Benchmark
    public PerformanceFold fold(Decoded decoded) {
        PerformanceFold fold = new PerformanceFold();
        AuditEvent[] events = decoded.events;
        for (int i = 0; i < events.length; i++) {
            fold.apply(i + 1, events[i]);
        }
        return fold;
    }

    /** The observer's first {@code /performance}: a fresh reader and cache folding every record from genesis. */
    @Benchmark
    public PerformanceCache.Performance catchUp(LogState log) {
        return new PerformanceCache(FileStore.openReader(log.data.none())).atHead();
    }

    /** {@code GET /performance} on the caught-up observer. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] performance(Served served) {
        return served.get(served.performance);
    }

    /**
     * The floor of the two cases above: Helidon's own liveness check, which reads nothing, over the same client and
     * loopback in the same JVM.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] liveness(Served served) {
        return served.get(served.liveness);
    }

    /** The figures of a new head (what a request renders once after the log moved): the report of the whole fold. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public PerformanceReport report(Served served) {
        return served.head.report();
    }

    /** {@code GET /performance/equity?interval=1m&limit=100&after=T}, T at 90% of the curve. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] equityPage(Served served) {
        return served.get(served.equityPage);
    }

    /** {@code GET /performance?at=SEQ}, SEQ just below a checkpoint near the middle: one spacing of records. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] performanceAt(Served served) {
        return served.get(served.performanceAt[served.nextAt++ % Served.AT_SEQS]);
    }
}
