package dev.paperplane.application.tlog;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.StoredLine;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Merkle tree of one audit log, read through its read port: entry i is the stored line (without newline) of
 * the record of seq i + 1. It is brought up to the log's head on request, hashing only records appended since
 * the last request, and it never writes.
 */
public final class AuditTree {
    /** The largest entry a tile's 16-bit length prefix can carry. */
    public static final int MAX_ENTRY_BYTES = 65_535;
    /** The prefix of the origin derived from the log when none is configured. */
    public static final String DEFAULT_ORIGIN_PREFIX = "paperplane/";

    private final AuditReadPort log;
    private final LogTree tree;

    /** The tree of {@code log}, empty until the first {@link #catchUp()}. */
    public AuditTree(AuditReadPort log) {
        this.log = log;
        this.tree = new LogTree(this::entries);
    }

    /**
     * Appends to the tree the records the log holds beyond it, up to the log's head as read now.
     *
     * @return the tree size, the number of records now in the tree
     * @throws dev.paperplane.application.audit.AuditCorruptionException when a record fails verification
     */
    public synchronized long catchUp() {
        long size = tree.size();
        long head = log.head().seq();
        if (head > size) {
            try (Stream<StoredLine> lines = log.linesAfter(size)) {
                lines.takeWhile(line -> line.seq() <= head).forEach(line -> tree.append(entry(line)));
            }
        }
        return tree.size();
    }

    /** The tree; its size is what the last {@link #catchUp()} reached. */
    public LogTree tree() {
        return tree;
    }

    /** The checkpoint of the tree after a catch-up, named {@code origin}. */
    public Checkpoint checkpoint(String origin) {
        long size = catchUp();
        return new Checkpoint(origin, size, tree.root(size));
    }

    /** The entries {@code first} to {@code first + count - 1}, as stored, read from the log. */
    public List<byte[]> entries(long first, int count) {
        try (Stream<StoredLine> lines = log.linesAfter(first)) {
            return lines.limit(count).map(AuditTree::entry).toList();
        }
    }

    /**
     * The log's origin: the configured one, else {@code paperplane/} and the first 32 hex digits of record 1's
     * chain hash, stable for this log and distinct from any log that does not start with the same record; empty
     * while the log is empty and none is configured.
     */
    public Optional<String> origin(Optional<String> configured) {
        if (configured.isPresent()) {
            return configured;
        }
        return log.read(1).map(first -> DEFAULT_ORIGIN_PREFIX + first.hash().substring(0, 32));
    }

    /** The entry of a record: its line as stored, without the newline. */
    private static byte[] entry(StoredLine line) {
        byte[] bytes = line.bytes();
        if (bytes.length > MAX_ENTRY_BYTES) {
            throw new IllegalStateException("record seq " + line.seq() + " is " + bytes.length + " bytes, more"
                    + " than the " + MAX_ENTRY_BYTES + " a transparency-log entry can hold");
        }
        return bytes;
    }

    /** The log's head as last read, for callers that pin an answer to it. */
    public ChainHead head() {
        return log.head();
    }
}
