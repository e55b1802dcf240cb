package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.RecordFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * Finds lines of a segment without reading it whole: a segment holds contiguous seqs in file order, so the seq
 * the line after a byte offset claims bisects the file. What it finds is only claimed, never verified: callers
 * verify the chain from there.
 */
final class SegmentSeek {
    private static final int PROBE = 8 * 1024;
    private static final int MAX_PROBE = 1024 * 1024;
    private static final long LINEAR = 64 * 1024;

    /**
     * One complete line.
     *
     * @param start   file offset of its first byte
     * @param end     file offset just after its newline
     * @param claimed the seq and hash the line states
     */
    record Line(long start, long end, ChainHead claimed) {
    }

    private SegmentSeek() {
    }

    /**
     * The complete line claiming {@code seq} among the lines that end before {@code size}; empty when no line
     * claims it, or when a line the search reads does not parse (the caller then falls back to a full scan).
     */
    static Optional<Line> find(FileChannel channel, long size, long seq) throws IOException {
        long lo = 0;
        long hi = size;
        while (hi - lo > LINEAR) {
            Line probe = lineAfter(channel, lo + (hi - lo) / 2, hi);
            if (probe == null) {
                break;
            }
            long claimed = probe.claimed().seq();
            if (claimed == seq) {
                return Optional.of(probe);
            }
            if (claimed < seq) {
                lo = probe.end();
            } else {
                hi = probe.start();
            }
        }
        LineScanner scanner = new LineScanner(channel, lo, hi);
        while (scanner.next()) {
            ChainHead claimed;
            try {
                claimed = AuditCodec.claimedHead(scanner.buffer(), scanner.lineStart(), scanner.lineLength());
            } catch (RecordFormatException e) {
                return Optional.empty();
            }
            if (claimed.seq() == seq) {
                return Optional.of(new Line(scanner.lineOffset(), scanner.position(), claimed));
            }
            if (claimed.seq() > seq) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The first complete line that starts after the newline at or after {@code offset} and ends before
     * {@code limit}, with its claim; null when there is none or it does not parse.
     */
    static Line lineAfter(FileChannel channel, long offset, long limit) throws IOException {
        for (int window = PROBE; window <= MAX_PROBE; window *= 2) {
            int length = (int) Math.min(window, limit - offset);
            if (length <= 0) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
            byte[] bytes = buffer.array();
            int read = buffer.position();
            int first = indexOf(bytes, 0, read);
            int second = first < 0 ? -1 : indexOf(bytes, first + 1, read);
            if (second >= 0) {
                try {
                    ChainHead claimed = AuditCodec.claimedHead(bytes, first + 1, second - first - 1);
                    return new Line(offset + first + 1, offset + second + 1, claimed);
                } catch (RecordFormatException e) {
                    return null;
                }
            }
            if (read < length || length < window) {
                return null;
            }
        }
        return null;
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
