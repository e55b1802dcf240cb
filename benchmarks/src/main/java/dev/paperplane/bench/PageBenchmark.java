package dev.paperplane.bench;

import dev.paperplane.adapters.observer.AuditEventsPage;
import dev.paperplane.adapters.observer.ObserverSettings;
import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreReader;
import dev.paperplane.application.audit.AuditRecord;
import java.util.List;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One audit page: {@code readAfter(cursor)} limited to 100 records, on a long-lived reader that has scanned the
 * log once (as the observer holds one). The reader indexes every 1,024th record, so a page first verifies the
 * records between the index entry below the cursor and the cursor. The shallow and deep cases use the same
 * distance from an index entry (512 records) so their ratio shows the cost of depth alone; the worst case
 * (1,023 records to skip) is measured at depth too. Sampled: the runner reports p50 and p99.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class PageBenchmark {
    /** Records per page, as the observer's default {@code limit}. */
    static final int LIMIT = 100;
    /** The reader's sparse index interval. */
    static final int INDEX_INTERVAL = 1024;

    private FileStoreReader reader;
    private long shallow;
    private long deep;
    private long deepWorst;
    private List<AuditRecord> deepRecords;

    /** Opens the reader, lets it scan the log once, and picks the cursors. */
    @Setup(Level.Trial)
    public void open(LogState log) {
        reader = FileStore.openReader(log.data.full());
        long head = reader.head().seq();
        shallow = INDEX_INTERVAL / 2;
        long deepEntry = (head * 9 / 10) / INDEX_INTERVAL * INDEX_INTERVAL;
        deep = deepEntry + INDEX_INTERVAL / 2;
        deepWorst = deepEntry + INDEX_INTERVAL - 1;
        if (deepWorst + LIMIT > head) {
            throw new IllegalStateException("the log of " + head + " events is too short for a deep page");
        }
        try (Stream<AuditRecord> records = reader.readAfter(deep)) {
            deepRecords = records.limit(LIMIT + 1).toList();
        }
    }

    /** The page after seq 512. */
    @Benchmark
    public List<AuditRecord> pageShallow() {
        return page(shallow);
    }

    /** The page after a seq at 90% of the log, 512 records past an index entry. */
    @Benchmark
    public List<AuditRecord> pageDeep() {
        return page(deep);
    }

    /** The page after a seq at 90% of the log, 1,023 records past an index entry (the most to skip). */
    @Benchmark
    public List<AuditRecord> pageDeepWorst() {
        return page(deepWorst);
    }

    /**
     * The deep page's records (already read) encoded to the observer's JSON body, exactly as
     * {@code /observer/v1/audit/events} renders them: the views, each stored payload embedded, the size budget.
     */
    @Benchmark
    public byte[] pageJson() {
        return AuditEventsPage.body(deepRecords.iterator(), LIMIT, Optional.empty(),
                ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES);
    }

    private List<AuditRecord> page(long after) {
        try (Stream<AuditRecord> records = reader.readAfter(after)) {
            return records.limit(LIMIT).toList();
        }
    }
}
