package dev.paperplane.bench;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreReader;
import dev.paperplane.adapters.persistence.postgres.PostgresStore;
import dev.paperplane.adapters.persistence.postgres.PostgresStoreReader;
import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ChainVerifier;
import dev.paperplane.application.replay.Replay;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.domain.runtime.RuntimeState;
import dev.paperplane.domain.runtime.StateFold;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Replay of a whole log from genesis to the runtime state (ShadowLedger, DecisionMemory, strategy windows), beside
 * what the same bytes cost to read and to hash. One operation is one pass over the whole log; the runner turns
 * ms/op into events/s and MB/s. The log's pages are in the OS cache (it was just written or read): "disk" here is
 * the page cache.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class ReplayBenchmark {
    private final ByteBuffer direct = ByteBuffer.allocateDirect(SegmentBytes.CHUNK);
    private final byte[] heap = new byte[SegmentBytes.CHUNK];

    /**
     * The product path: a fresh FileStoreReader and {@link Replay#toHead()} over a directory without snapshots, as
     * {@code run} initializes after losing its snapshots. Every record is chain-verified.
     */
    @Benchmark
    public ReplayedState replayVerified(LogState log) {
        FileStoreReader reader = FileStore.openReader(log.data.none());
        return new Replay(reader, reader, warning -> { }).toHead();
    }

    /**
     * The product path on PostgreSQL: a fresh reader of the log copied into a schema without snapshots and
     * {@link Replay#toHead()}, every record chain-verified as it is read, as {@code run} initializes there.
     */
    @Benchmark
    public ReplayedState replayVerifiedPostgres(PostgresLogState log) {
        try (PostgresStoreReader reader = PostgresStore.openReader(log.target)) {
            return new Replay(reader, reader, warning -> { }).toHead();
        }
    }

    /**
     * The fold with each record chain-verified exactly once ({@link ChainVerifier#next}) over the segment files:
     * what replay costs when the reader's forward scan and its record stream are one pass.
     */
    @Benchmark
    public RuntimeState replayVerifiedOnce(LogState log) {
        ChainVerifier verifier = new ChainVerifier(ChainHead.GENESIS);
        StateFold state = RuntimeState.EMPTY.fold();
        Lines.forEach(log.data.segments(), (buf, off, len) -> state.apply(verifier.next(buf, off, len).event()));
        return state.state();
    }

    /** The fold without chain verification: {@link AuditCodec#decodeUnverified} per line, then apply. */
    @Benchmark
    public RuntimeState replayDecodeOnly(LogState log) {
        StateFold state = RuntimeState.EMPTY.fold();
        Lines.forEach(log.data.segments(), (buf, off, len) -> state.apply(
                AuditCodec.decodeUnverified(buf, off, len).event()));
        return state.state();
    }

    /** The chain alone: a fresh reader's forward scan (seq and chain hash of every line, no payload decoding). */
    @Benchmark
    public ChainHead chainScan(LogState log) {
        return FileStore.openReader(log.data.none()).head();
    }

    /** Limit: read the segment bytes sequentially in 1 MiB chunks and discard them. */
    @Benchmark
    public long limitRead(LogState log, Blackhole bh) {
        return SegmentBytes.readAll(log.data.segments(), direct, chunk -> bh.consume(chunk.get(chunk.limit() - 1)));
    }

    /** Limit: read the segment bytes and compute one plain SHA-256 over all of them. */
    @Benchmark
    public byte[] limitSha256(LogState log) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        ByteBuffer wrapped = ByteBuffer.wrap(heap);
        SegmentBytes.readAll(log.data.segments(), wrapped, chunk -> digest.update(heap, 0, chunk.limit()));
        return digest.digest();
    }
}
