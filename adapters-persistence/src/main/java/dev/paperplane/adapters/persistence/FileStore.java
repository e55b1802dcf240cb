package dev.paperplane.adapters.persistence;

import java.nio.file.Path;

/**
 * The embedded file store: entry points to a data directory's single writer and its readers.
 *
 * <pre>
 * DATA/audit/segment-&lt;first seq, 20 digits&gt;.jsonl   hash-chained records, one per line
 * DATA/snapshots/snapshot-&lt;seq, 20 digits&gt;.json   header line, state bytes, newline
 * DATA/quarantine/&lt;segment&gt;-at-&lt;offset&gt;.torn      torn tails cut at writer open
 * DATA/writer.lock                                 held (OS file lock) by the writer while it lives
 * </pre>
 */
public final class FileStore {
    /** A segment is closed, and a new one started, before a batch once it holds this many bytes. */
    public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;

    private FileStore() {
    }

    /**
     * Opens the single writer of {@code dataDir}, creating the directory as needed, taking its lock and
     * recovering a torn tail (see {@link FileStoreWriter#recovery()}). Opening verifies the last 64 KiB of the
     * last segment record by record (the whole last segment, from where it joins the previous one, when those
     * bytes hold a bad line), not every segment: its cost does not grow with the log, and readers verify
     * everything they read.
     *
     * @throws FileStoreException when another writer holds the directory or it cannot be created or read
     * @throws dev.paperplane.application.audit.AuditCorruptionException when the last segment is damaged
     *         other than by a crash
     */
    public static FileStoreWriter openWriter(Path dataDir) {
        return openWriter(dataDir, DEFAULT_SEGMENT_BYTES);
    }

    /** {@link #openWriter(Path)} with segments rolled at {@code segmentBytes}. */
    public static FileStoreWriter openWriter(Path dataDir, long segmentBytes) {
        return FileStoreWriter.open(dataDir, segmentBytes, Durability.FSYNC);
    }

    /** {@link #openWriter(Path, long)} with a chosen durability step: tests make it fail. */
    static FileStoreWriter openWriter(Path dataDir, long segmentBytes, Durability durability) {
        return FileStoreWriter.open(dataDir, segmentBytes, durability);
    }

    /**
     * Opens a reader of {@code dataDir}. It never creates, writes or locks anything, so it works on a read-only
     * directory and beside a running writer.
     *
     * @throws FileStoreException when {@code dataDir} does not exist or is not a directory
     */
    public static FileStoreReader openReader(Path dataDir) {
        return FileStoreReader.open(dataDir);
    }
}
