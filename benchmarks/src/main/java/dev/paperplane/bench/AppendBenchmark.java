package dev.paperplane.bench;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreWriter;
import dev.paperplane.adapters.persistence.postgres.PostgresStore;
import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.audit.SessionStarted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Append: a generated log's records, sealed already and grouped as {@code run} appends them (one batch per bar:
 * the bar and the decisions and fills it caused), appended to an empty data directory by the file store's writer,
 * which verifies each batch against the chain, writes it and forces it to disk. One operation appends the whole
 * log; the runner turns ms/op into events/s. 1,000,000 events would take minutes of fsyncs, so the default sizes
 * stop at 100,000 (append cost does not depend on the log's length: segments are bounded).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class AppendBenchmark {
    /** Nominal number of events appended. */
    @Param({"10000", "100000"})
    public int size;

    /** The log's facts (its event count is the number appended). */
    public Datasets.Dataset data;
    private List<List<EncodedRecord>> batches;
    private Path target;
    private FileStoreWriter writer;

    /** Reads the generated log's lines back as sealed records in per-bar batches. */
    @Setup(Level.Trial)
    public void load() {
        data = Datasets.ensure(size, System.out);
        List<List<EncodedRecord>> all = new ArrayList<>();
        List<EncodedRecord> current = new ArrayList<>();
        AuditEvent[] previous = {null};
        Lines.forEach(data.segments(), (buf, off, len) -> {
            AuditEvent event = AuditCodec.decodeUnverified(buf, off, len).event();
            // run appends [SessionStarted,] bar, its decisions and fills as one batch, and the completion alone
            boolean startsBatch = (event instanceof MarketBarObserved || event instanceof SessionCompleted)
                    && !(previous[0] instanceof SessionStarted);
            if (startsBatch && !current.isEmpty()) {
                all.add(List.copyOf(current));
                current.clear();
            }
            previous[0] = event;
            ChainHead claimed = AuditCodec.claimedHead(buf, off, len);
            byte[] line = Arrays.copyOfRange(buf, off, off + len + 1);
            line[len] = '\n';
            current.add(EncodedRecord.of(claimed.seq(), claimed.hash(), line));
        });
        if (!current.isEmpty()) {
            all.add(List.copyOf(current));
        }
        batches = all;
    }

    /** A fresh, empty data directory for each append run. */
    @Setup(Level.Invocation)
    public void freshDirectory() throws IOException {
        Files.createDirectories(Datasets.root());
        target = Files.createTempDirectory(Datasets.root(), "append-");
    }

    /** Closes the writer and removes the directory. */
    @TearDown(Level.Invocation)
    public void removeDirectory() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        Datasets.deleteTree(target);
    }

    /** The product path: every per-bar batch verified, written and forced (fsync) before the next. */
    @Benchmark
    public ChainHead appendForcedPerBar() {
        writer = FileStore.openWriter(target);
        return appendAll();
    }

    /**
     * Limit: the same batches in groups of about 1,000 records, each group verified, written and forced once
     * ({@code appendBatches}, as {@code paperplane copy} appends), to show what the fsync per bar costs.
     */
    @Benchmark
    public ChainHead appendGrouped() {
        GroupedWriter grouped = new GroupedWriter(FileStore.openWriter(target));
        try (grouped) {
            appendAll(grouped);
        }
        return grouped.head();
    }

    /**
     * The product path on PostgreSQL: the same batches into an empty schema, each verified against the chain and
     * committed as one transaction with synchronous commit before the next, as {@code run} appends there.
     */
    @Benchmark
    public ChainHead appendPostgresPerBar(PostgresSchemaState schema) {
        schema.writer = PostgresStore.openWriter(schema.target);
        for (List<EncodedRecord> batch : batches) {
            schema.writer.append(batch);
        }
        return schema.writer.head();
    }

    private ChainHead appendAll() {
        appendAll(writer);
        return writer.head();
    }

    private void appendAll(AuditAppendPort appender) {
        for (List<EncodedRecord> batch : batches) {
            appender.append(batch);
        }
    }
}
