package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ChainVerifier;
import dev.paperplane.application.audit.RecordFormatException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Verifies the log forward from a position, across segments, adding an index entry for each record the index
 * wants; its front is where it stopped. A final line without its newline is an append in progress and stays
 * behind the front; a complete line that does not verify is corruption. Not thread-safe.
 */
final class ForwardScan {
    private final SegmentDirectory segments;
    private final SeqIndex index;
    private LogPosition front;
    // the last pass that read all complete lines of the front's segment: while the size stays, nothing is new
    private Pass lastPass;

    /** A pass that started at {@code offset} of {@code segment}, saw {@code size} bytes and left {@code pending}. */
    private record Pass(long segment, long offset, long size, int pending) {
    }

    ForwardScan(SegmentDirectory segments, SeqIndex index, LogPosition front) {
        this.segments = segments;
        this.index = index;
        this.front = front;
    }

    LogPosition front() {
        return front;
    }

    /** Moves the front to where a stream verified up to. */
    void moveTo(LogPosition verified) {
        front = verified;
    }

    /** Scans until record {@code stop} or the last complete line. */
    void scanTo(long stop) throws IOException {
        while (front.head().seq() < stop) {
            scanSegment(stop);
            if (front.head().seq() >= stop) {
                return;
            }
            Map.Entry<Long, Path> next = segments.following(front);
            if (next == null) {
                return;
            }
            // a later segment exists, so the writer has finished this one: read its last bytes, if any
            if (scanSegment(stop) > 0) {
                throw new AuditCorruptionException(front.nextSeq(), Layout.segmentName(front.segment()),
                        front.offset(), "the segment ends in an incomplete record although "
                        + next.getValue().getFileName() + " follows it");
            }
            if (front.head().seq() >= stop) {
                return;
            }
            if (next.getKey() != front.nextSeq()) {
                throw new AuditCorruptionException(front.nextSeq(), next.getValue().getFileName().toString(), 0,
                        "the segment starts at seq " + next.getKey() + " but seq " + front.nextSeq()
                        + " is the next record");
            }
            segments.enter(next);
            front = new LogPosition(next.getKey(), 0, front.head());
        }
    }

    /**
     * Verifies the front segment's complete lines past the front, up to record {@code stop}; returns the bytes
     * left pending. The front follows every verified line, also when a later one fails.
     */
    private int scanSegment(long stop) throws IOException {
        long segment = front.segment();
        Path path = segments.path(segment);
        String name = path.getFileName().toString();
        long offset = front.offset();
        ChainVerifier verifier = new ChainVerifier(front.head());
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new AuditCorruptionException(verifier.nextSeq(), name, offset, "the segment disappeared");
        }
        if (lastPass != null && lastPass.segment() == segment && lastPass.offset() == offset
                && lastPass.size() == size) {
            return lastPass.pending();
        }
        lastPass = null;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            LineScanner scanner = new LineScanner(channel, offset);
            boolean more;
            while ((more = verifier.nextSeq() <= stop) && scanner.next()) {
                long seq = verifier.nextSeq();
                ChainHead previous = SeqIndex.indexes(seq, scanner.lineOffset()) ? verifier.head() : null;
                try {
                    verifier.verify(scanner.buffer(), scanner.lineStart(), scanner.lineLength());
                } catch (RecordFormatException e) {
                    throw new AuditCorruptionException(seq, name, scanner.lineOffset(), e.getMessage());
                }
                if (previous != null) {
                    index.add(new LogPosition(segment, scanner.lineOffset(), previous));
                }
                offset = scanner.position();
            }
            if (more) {
                lastPass = new Pass(segment, offset, size, scanner.pendingBytes());
            }
            return scanner.pendingBytes();
        } catch (NoSuchFileException e) {
            throw new AuditCorruptionException(verifier.nextSeq(), name, offset, "the segment disappeared");
        } finally {
            front = new LogPosition(segment, offset, verifier.head());
        }
    }
}
