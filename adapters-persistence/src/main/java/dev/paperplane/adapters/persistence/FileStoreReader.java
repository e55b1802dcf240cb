package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.AuditStorage;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ChainVerifier;
import dev.paperplane.application.audit.RecordFormatException;
import dev.paperplane.application.audit.StoredLine;
import dev.paperplane.application.audit.TornTail;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a data directory without creating, writing or locking anything, while a writer may be appending. It follows
 * the log forward, verifying every complete line ({@link VerifiedLog}: a forward scan that may start at a snapshot,
 * and a sparse seq index), so reading at any seq verifies at most one index interval. A final line without its
 * newline is an append in progress and stays invisible; a complete line that does not verify is reported as
 * corruption. Thread-safe: one lock guards what it has verified; streams read their files outside it.
 */
public final class FileStoreReader implements AuditReadPort, SnapshotLoadPort {
    private final Layout layout;
    private final VerifiedLog log;   // guarded by this

    private FileStoreReader(Layout layout) {
        this.layout = layout;
        this.log = new VerifiedLog(layout);
    }

    static FileStoreReader open(Path dataDir) {
        Layout layout = new Layout(dataDir);
        if (!Files.isDirectory(layout.data)) {
            throw new FileStoreException("the data directory " + layout.data + (Files.exists(layout.data)
                    ? " is not a directory" : " does not exist") + ": point the reader at the directory the "
                    + "runtime writes (its data directory), or run the runtime once to create it");
        }
        return new FileStoreReader(layout);
    }

    /** {@inheritDoc} Follows the log from where the last scan stopped to the last complete line. */
    @Override
    public synchronized ChainHead head() {
        try {
            if (!log.start()) {
                return ChainHead.GENESIS;
            }
            log.scanTo(Long.MAX_VALUE);
            return log.front().head();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public Optional<AuditRecord> read(long seq) {
        if (seq < 1) {
            return Optional.empty();
        }
        LogPosition start;
        Path path;
        synchronized (this) {
            try {
                // a first read at the anchor's seq (replay checking its snapshot) needs no scan to the head
                if (!log.start()) {
                    return Optional.empty();
                }
                if (seq > log.front().head().seq()) {
                    log.scanTo(Long.MAX_VALUE);
                    if (seq > log.front().head().seq()) {
                        return Optional.empty();
                    }
                }
                start = log.startOf(seq);
            } catch (IOException e) {
                throw unreadable(e);
            }
            path = log.segment(start.segment());
        }
        try (SegmentCursor cursor = new SegmentCursor(path, start, Long.MAX_VALUE)) {
            while (true) {
                AuditRecord record = cursor.next(seq);
                if (record != null) {
                    return Optional.of(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seq " + seq + " from " + path + ": " + e, e);
        }
    }

    /**
     * {@inheritDoc} The stream verifies every record it passes, from genesis or from a verified position; what
     * it verifies past the reader's scan advances the scan, so a line is hashed once when a fresh reader replays
     * the log. The log "as it was" is every complete line within the segment files' sizes when the stream opened.
     */
    @Override
    public Stream<AuditRecord> readAfter(long afterSeq) {
        return stream(afterSeq, SegmentCursor::decode);
    }

    /** {@inheritDoc} Read and verified as {@link #readAfter} reads, each line copied as it is in its segment. */
    @Override
    public Stream<StoredLine> linesAfter(long afterSeq) {
        return stream(afterSeq, SegmentCursor::line);
    }

    private <T> Stream<T> stream(long afterSeq, RecordStream.Yield<T> yield) {
        long from = Math.max(afterSeq, 0) + 1;
        LogPosition start;
        NavigableMap<Long, Path> segments;
        long endOffset;
        synchronized (this) {
            try {
                if (!log.start()) {
                    return Stream.empty();
                }
                // every stream from seq 1 verifies from genesis
                start = from == 1 ? LogPosition.GENESIS : log.startOf(from);
                segments = log.segmentsFrom(start);
                endOffset = Files.size(segments.lastEntry().getValue());
            } catch (IOException e) {
                throw unreadable(e);
            }
        }
        return RecordStream.of(segments, start, from, endOffset, this::advance, yield);
    }

    private synchronized void advance(VerifiedLog.StreamProgress progress) {
        log.advance(progress);
    }

    private UncheckedIOException unreadable(IOException e) {
        return new UncheckedIOException("cannot read the audit log in " + layout.audit + ": " + e, e);
    }

    @Override
    public synchronized AuditStorage storage() {
        try {
            return log.storage();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the audit segments in " + layout.audit + ": " + e, e);
        }
    }

    @Override
    public Optional<TornTail> tornTail() {
        try {
            return TailRecovery.tornTail(layout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log in " + layout.audit + ": " + e, e);
        }
    }

    @Override
    public List<SnapshotInfo> list() {
        try {
            return SnapshotFiles.list(layout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the snapshots in " + layout.snapshots + ": " + e, e);
        }
    }

    /** The snapshot files' seqs from their names: a directory listing, no file read. */
    @Override
    public List<Long> seqs() {
        try {
            return List.copyOf(layout.snapshotFiles().descendingKeySet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the snapshots in " + layout.snapshots + ": " + e, e);
        }
    }

    @Override
    public Optional<Snapshot> load(long seq) {
        return SnapshotFiles.load(layout, seq);
    }
}
