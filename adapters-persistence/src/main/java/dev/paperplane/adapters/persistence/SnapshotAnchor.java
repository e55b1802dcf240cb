package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.ChainHead;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * Where a reader's scan starts to test a snapshot as its anchor: {@value #WINDOW} records before the snapshot's
 * seq (not before its segment's first record), from the head the record before them claims. The snapshot anchors
 * when the chain verified from there reaches its seq with its chain hash; the claim itself is never trusted.
 */
final class SnapshotAnchor {
    /**
     * Records up to and including an anchoring snapshot's seq that the scan verifies from the claim before them:
     * enough for a start to read back the last bar's batch before the snapshot without verifying from genesis.
     */
    static final int WINDOW = 256;

    /** Snapshots, newest first, tried as the anchor before the scan starts at genesis. */
    static final int CANDIDATES = 3;

    private SnapshotAnchor() {
    }

    /**
     * The position of the window's first record before the snapshot at {@code seq}, with the head the record
     * before it claims; empty when there is no such claim to start from (a damaged or missing line).
     */
    static Optional<LogPosition> windowStart(SegmentDirectory segments, long seq) throws IOException {
        Map.Entry<Long, Path> segment = segments.holding(seq);
        if (segment == null) {
            return Optional.empty();
        }
        long first = Math.max(segment.getKey(), seq - WINDOW + 1);
        ChainHead previous;
        long offset;
        if (first == 1) {
            previous = ChainHead.GENESIS;
            offset = 0;
        } else if (first == segment.getKey()) {
            try {
                previous = TailRecovery.lastRecordOf(segments.before(first).getValue(), first - 1);
            } catch (AuditCorruptionException e) {
                return Optional.empty();
            }
            offset = 0;
        } else {
            Optional<SegmentSeek.Line> line;
            try (FileChannel channel = FileChannel.open(segment.getValue(), StandardOpenOption.READ)) {
                line = SegmentSeek.find(channel, channel.size(), first - 1);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            if (line.isEmpty()) {
                return Optional.empty();
            }
            previous = line.get().claimed();
            offset = line.get().end();
        }
        if (previous.seq() != first - 1) {
            return Optional.empty();
        }
        return Optional.of(new LogPosition(segment.getKey(), offset, previous));
    }
}
