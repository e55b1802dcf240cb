package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditStorage;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.snapshot.Snapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * What a reader has verified of the log: its forward scan, the seq index behind the scan's front, and the anchor
 * below which records are not verified yet.
 *
 * <p>When an intact snapshot binds the chain ({@link SnapshotAnchor}), the scan starts near it instead of at
 * genesis, so the head is served without hashing the whole log. Records before the anchor's window are verified
 * from genesis the first time one of them is wanted, so nothing is ever returned unverified. Not thread-safe: the
 * reader's lock guards it.
 */
final class VerifiedLog {
    private final Layout layout;
    private final SegmentDirectory segments;
    private final SeqIndex index = new SeqIndex();
    private ForwardScan scan;   // null until the first segment exists
    private long anchorStart = 1;   // records below it are not verified yet; 1 once everything up to the front is

    VerifiedLog(Layout layout) {
        this.layout = layout;
        this.segments = new SegmentDirectory(layout);
    }

    /** What a stream verified past its start, for {@link #advance}. */
    record StreamProgress(long firstSeq, List<LogPosition> indexed, NavigableMap<Long, Path> entered,
                          LogPosition front) {
    }

    /** Starts the scan once the first segment exists, at a snapshot near the head if one anchors; false before. */
    boolean start() throws IOException {
        if (scan != null) {
            return true;
        }
        if (!segments.list()) {
            return false;
        }
        fromGenesis();
        for (long seq : layout.snapshotFiles().descendingKeySet().stream().limit(SnapshotAnchor.CANDIDATES)
                .toList()) {
            if (anchor(seq)) {
                return true;
            }
        }
        return true;
    }

    private void fromGenesis() {
        index.clear();
        anchorStart = 1;
        scan = new ForwardScan(segments, index, LogPosition.GENESIS);
    }

    /**
     * Starts the scan at the window before the snapshot at {@code seq} and verifies up to it: whether the snapshot
     * anchors. Damage inside the window is reported as corruption like any other; a snapshot that does not anchor
     * leaves the scan at genesis.
     */
    private boolean anchor(long seq) throws IOException {
        Optional<Snapshot> snapshot = seq < 1 ? Optional.empty() : SnapshotFiles.load(layout, seq);
        if (snapshot.isEmpty()) {
            return false;
        }
        Optional<LogPosition> start = SnapshotAnchor.windowStart(segments, seq);
        if (start.isEmpty()) {
            return false;
        }
        index.clear();
        index.add(start.get());
        anchorStart = start.get().nextSeq();
        scan = new ForwardScan(segments, index, start.get());
        scan.scanTo(seq);
        ChainHead reached = scan.front().head();
        if (reached.seq() == seq && reached.hash().equals(snapshot.get().chainHash())) {
            return true;
        }
        fromGenesis();
        return false;
    }

    /** Where the scan stands; the reader has started. */
    LogPosition front() {
        return scan.front();
    }

    /** Scans until record {@code stop} or the last complete line; the reader has started. */
    void scanTo(long stop) throws IOException {
        scan.scanTo(stop);
    }

    /**
     * A verified position at or before record {@code seq}, which is at most one past the front: the index entry
     * below it, or the front. Verifies the records below the anchor first when {@code seq} is one of them.
     */
    LogPosition startOf(long seq) throws IOException {
        if (seq < anchorStart) {
            verifyBelowAnchor();
        }
        return seq <= scan.front().head().seq() ? index.floor(seq) : scan.front();
    }

    /** Verifies the records below the anchor from genesis, with a scan of their own; the front stays. */
    private void verifyBelowAnchor() throws IOException {
        LogPosition anchor = index.at(anchorStart);
        ForwardScan fromGenesis = new ForwardScan(segments, index, LogPosition.GENESIS);
        fromGenesis.scanTo(anchorStart - 1);
        LogPosition reached = fromGenesis.front();
        if (!reached.head().equals(anchor.head())) {
            throw new AuditCorruptionException(anchorStart - 1, Layout.segmentName(reached.segment()),
                    reached.offset(), "the chain from genesis reaches seq " + reached.head().seq() + " with hash "
                    + reached.head().hash() + " where the record claimed " + anchor.head().hash()
                    + " when the reader started");
        }
        anchorStart = 1;
    }

    /**
     * Takes what a stream verified past the front: its index entries, the segments it entered and where it
     * stopped. A stream that started after the front (it cannot have: streams start at verified positions) or
     * ended at or behind it changes nothing.
     */
    void advance(StreamProgress progress) {
        ChainHead head = progress.front().head();
        if (scan == null || progress.firstSeq() > scan.front().nextSeq() || head.seq() <= scan.front().head().seq()) {
            return;
        }
        index.addFrom(anchorStart, progress.indexed());
        segments.enterAll(progress.entered().headMap(progress.front().segment(), true));
        scan.moveTo(progress.front());
    }

    /** The segments a stream starting at {@code start} reads; the reader has started. */
    NavigableMap<Long, Path> segmentsFrom(LogPosition start) throws IOException {
        return segments.fromSegment(start.segment(), scan.front());
    }

    /** The known segment starting at {@code first}. */
    Path segment(long first) {
        return segments.path(first);
    }

    AuditStorage storage() throws IOException {
        return segments.storage(scan == null ? null : scan.front());
    }
}
