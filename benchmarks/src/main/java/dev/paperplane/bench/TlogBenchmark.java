package dev.paperplane.bench;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreReader;
import dev.paperplane.application.tlog.AuditTree;
import dev.paperplane.application.tlog.Checkpoint;
import dev.paperplane.application.tlog.LogTree;
import dev.paperplane.application.tlog.Merkle;
import dev.paperplane.application.tlog.NoteKeys;
import dev.paperplane.application.tlog.SignedNote;
import java.security.MessageDigest;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * The audit log as a transparency log: building its Merkle tree beside one plain SHA-256 over the same entry bytes
 * (both read from the segment files the same way, a line at a time), the product's catch-up from a fresh reader
 * (chain verification included), and, on a tree caught up once, an inclusion proof and a signed checkpoint as the
 * observer answers them. The build cases are whole-log passes in ms/op; the proof and checkpoint are sampled.
 */
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class TlogBenchmark {
    private final MessageDigest plain = Merkle.sha256();

    /** The tree over every entry (line without its newline), hashed from the read buffer without a copy. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] treeBuild(LogState log) {
        LogTree tree = new LogTree((first, count) -> {
            throw new IllegalStateException("a build reads no entry again");
        });
        Lines.forEach(log.data.segments(), tree::append);
        return tree.root(tree.size());
    }

    /** The limit for {@link #treeBuild}: one plain SHA-256 over the same entry bytes, read the same way. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] treeSha256(LogState log) {
        plain.reset();
        Lines.forEach(log.data.segments(), plain::update);
        return plain.digest();
    }

    /**
     * The product path: a fresh reader and {@link AuditTree#catchUp()}, as an observer starting over the log builds
     * its tree (every record chain-verified, each stored line hashed as a leaf).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long treeCatchUp(LogState log) {
        return new AuditTree(FileStore.openReader(log.data.none())).catchUp();
    }

    /**
     * The observer's inclusion proof of a random record: its leaf hash, the root and the audit path at the current
     * size. Most records' level-0 tile is not cached, so its 256 entries are read back and hashed again.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<byte[]> inclusionProof(CaughtUp log) {
        LogTree tree = log.tree.tree();
        long size = tree.size();
        long index = log.random.nextLong(size);
        tree.node(0, index);
        tree.root(size);
        return tree.inclusionProof(index, size);
    }

    /**
     * The checkpoint after catch-up, unsigned: follow the log to its head (nothing new), the root at that size and
     * the checkpoint's text. An observer whose log has not grown answers with the note it signed for this size.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String checkpoint(CaughtUp log) {
        return log.tree.checkpoint("example.org/paperplane").body();
    }

    /** {@link #checkpoint} and its Ed25519 signature (the JDK's), as an observer answers once the log has grown. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String checkpointSigned(CaughtUp log) {
        Checkpoint checkpoint = log.tree.checkpoint("example.org/paperplane");
        return SignedNote.sign(checkpoint.body(), log.signer);
    }

    /** A tree caught up once over the log, on a long-lived reader, as a running observer holds it. */
    @State(Scope.Benchmark)
    public static class CaughtUp {
        AuditTree tree;
        NoteKeys.Signer signer;
        final SplittableRandom random = new SplittableRandom(42);

        /** Opens the reader and catches the tree up to the head. */
        @Setup(Level.Trial)
        public void catchUp(LogState log) {
            FileStoreReader reader = FileStore.openReader(log.data.full());
            tree = new AuditTree(reader);
            tree.catchUp();
            signer = NoteKeys.parseSigner(NoteKeys.generate("example.org/paperplane", new byte[32]).signerKey());
        }
    }
}
