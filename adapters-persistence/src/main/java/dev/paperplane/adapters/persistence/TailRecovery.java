package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ChainVerifier;
import dev.paperplane.application.audit.RecordFormatException;
import dev.paperplane.application.audit.TornTail;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Brings the log to a clean end before a writer appends to it. A torn tail is always at the end, so only the
 * last {@value #TAIL_WINDOW} bytes of the last segment are verified record by record, from the hash the record
 * before them claims; opening therefore costs the same however long the log and its segments are. Earlier
 * records were verified when they were written and are verified by every reader that reads them and by
 * {@code paperplane verify}. When the window holds fewer than two complete lines, or any complete line in it
 * fails, the whole last segment is verified from where it joins the previous one, as the only way to tell a
 * torn tail from damage exactly. A bad record at the very end of the last segment, with nothing intact after
 * it, is the trace of a crash during an append: it is quarantined and cut. A bad record with intact records
 * after it is corruption.
 */
final class TailRecovery {

    /** Bytes at the end of the last segment verified when they are all intact: many times the largest batch. */
    static final long TAIL_WINDOW = 64 * 1024;

    /** The log's end after recovery. */
    record End(ChainHead head, Path lastSegment, long lastSegmentSize, Optional<TornTailRecovery> recovery) {
    }

    private TailRecovery() {
    }

    static End recover(Layout layout) throws IOException {
        TreeMap<Long, Path> segments = layout.segments();
        if (segments.isEmpty()) {
            return new End(ChainHead.GENESIS, null, 0, Optional.empty());
        }
        if (segments.firstKey() != 1) {
            throw new AuditCorruptionException(1, Layout.segmentName(1), 0, "the first segment is "
                    + segments.firstEntry().getValue().getFileName() + ": the records before it are missing");
        }
        Map.Entry<Long, Path> last = segments.lastEntry();
        String name = last.getValue().getFileName().toString();
        ChainHead start = ChainHead.GENESIS;
        Map.Entry<Long, Path> previous = segments.lowerEntry(last.getKey());
        if (previous != null) {
            start = lastRecordOf(previous.getValue(), last.getKey() - 1);
        }
        if (start.seq() + 1 != last.getKey()) {
            throw new AuditCorruptionException(start.seq() + 1, name, 0, "the segment should start at seq "
                    + (start.seq() + 1) + " but its name says " + last.getKey());
        }
        try (FileChannel channel = FileChannel.open(last.getValue(), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            Optional<End> intactWindow = tailWindow(channel, last.getValue(), layout, name);
            if (intactWindow.isPresent()) {
                return intactWindow.get();
            }
            ChainVerifier verifier = new ChainVerifier(start);
            LineScanner scanner = new LineScanner(channel, 0);
            String reason = null;
            while (scanner.next()) {
                try {
                    verifier.verify(scanner.buffer(), scanner.lineStart(), scanner.lineLength());
                } catch (RecordFormatException e) {
                    reason = e.getMessage();
                    break;
                }
            }
            long intactEnd = reason != null ? scanner.lineOffset() : scanner.position();
            long size = channel.size();
            if (intactEnd == size) {
                return new End(verifier.head(), last.getValue(), size, Optional.empty());
            }
            if (reason == null) {
                reason = "the last record is incomplete (no newline)";
            } else {
                long intact = intactRecordAfter(scanner);
                if (intact >= 0) {
                    throw new AuditCorruptionException(verifier.nextSeq(), name, intactEnd, reason
                            + "; an intact record follows at byte offset " + intact + ", so this is damage, not "
                            + "the torn tail of a crash: restore the audit log from a backup");
                }
            }
            Path quarantined = quarantine(layout, name, channel, intactEnd, size);
            channel.truncate(intactEnd);
            channel.force(true);
            TornTailRecovery recovery = new TornTailRecovery(name, intactEnd, size - intactEnd, quarantined, reason);
            return new End(verifier.head(), last.getValue(), intactEnd, Optional.of(recovery));
        }
    }

    /**
     * The log's end when the last {@value #TAIL_WINDOW} bytes verify, from the claim of their first complete line,
     * up to the last complete line, cutting only bytes without a newline after it; empty when the segment is
     * smaller than the window or anything in it needs the exact judgement of a whole-segment scan.
     */
    private static Optional<End> tailWindow(FileChannel channel, Path segment, Layout layout, String name)
            throws IOException {
        long size = channel.size();
        if (size <= TAIL_WINDOW) {
            return Optional.empty();
        }
        SegmentSeek.Line first = SegmentSeek.lineAfter(channel, size - TAIL_WINDOW, size);
        if (first == null) {
            return Optional.empty();
        }
        ChainVerifier verifier = new ChainVerifier(first.claimed());
        LineScanner scanner = new LineScanner(channel, first.end());
        while (scanner.next()) {
            try {
                verifier.verify(scanner.buffer(), scanner.lineStart(), scanner.lineLength());
            } catch (RecordFormatException e) {
                return Optional.empty();
            }
        }
        if (verifier.head().equals(first.claimed())) {
            return Optional.empty();
        }
        long intactEnd = scanner.position();
        if (intactEnd == size) {
            return Optional.of(new End(verifier.head(), segment, size, Optional.empty()));
        }
        String reason = "the last record is incomplete (no newline)";
        Path quarantined = quarantine(layout, name, channel, intactEnd, size);
        channel.truncate(intactEnd);
        channel.force(true);
        TornTailRecovery recovery = new TornTailRecovery(name, intactEnd, size - intactEnd, quarantined, reason);
        return Optional.of(new End(verifier.head(), segment, intactEnd, Optional.of(recovery)));
    }

    /** The offset of the first complete line after the bad one that is a well-formed record, or -1. */
    private static long intactRecordAfter(LineScanner scanner) throws IOException {
        while (scanner.next()) {
            try {
                AuditCodec.decodeUnverified(scanner.buffer(), scanner.lineStart(), scanner.lineLength());
                return scanner.lineOffset();
            } catch (RecordFormatException e) {
                // still torn bytes: keep looking
            }
        }
        return -1;
    }

    private static Path quarantine(Layout layout, String segment, FileChannel source, long from, long to)
            throws IOException {
        // a later crash at the same offset must not overwrite the evidence of an earlier one
        Path file = layout.quarantine.resolve(segment + "-at-" + from + ".torn");
        for (int n = 2; Files.exists(file, LinkOption.NOFOLLOW_LINKS); n++) {
            file = layout.quarantine.resolve(segment + "-at-" + from + "-" + n + ".torn");
        }
        try (FileChannel target = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long at = from;
            while (at < to) {
                long moved = source.transferTo(at, to - at, target);
                if (moved <= 0) {
                    throw new IOException("could not copy bytes " + at + ".." + to + " of " + segment + " to " + file);
                }
                at += moved;
            }
            target.force(true);
        }
        Layout.syncDirectory(layout.quarantine);
        return file;
    }

    /**
     * The bytes after the last newline of the last segment, found without verifying anything: what the next writer
     * start would at least quarantine. Reads backwards from the end in 4 KiB steps: a torn tail is at most one
     * batch, so this reads the whole segment only when it holds no newline at all.
     */
    static Optional<TornTail> tornTail(Layout layout) throws IOException {
        Map.Entry<Long, Path> last = layout.segments().lastEntry();
        if (last == null) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(last.getValue(), StandardOpenOption.READ)) {
            long size = channel.size();
            long newlineEnd = 0;
            for (long before = size; newlineEnd == 0 && before > 0; ) {
                int length = (int) Math.min(before, 4096);
                ByteBuffer buffer = ByteBuffer.allocate(length);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, before - length + buffer.position()) < 0) {
                        throw new IOException(last.getValue().getFileName() + " shrank while being read");
                    }
                }
                for (int i = length - 1; i >= 0 && newlineEnd == 0; i--) {
                    if (buffer.get(i) == '\n') {
                        newlineEnd = before - length + i + 1;
                    }
                }
                before -= length;
            }
            return newlineEnd == size ? Optional.empty()
                    : Optional.of(new TornTail(last.getValue().getFileName().toString(), newlineEnd, size - newlineEnd));
        }
    }

    /**
     * The seq and hash of the last record of a complete (non-last) segment, as the segment states them;
     * {@code expectedSeq} is the seq it should have, for error reports.
     */
    static ChainHead lastRecordOf(Path segment, long expectedSeq) throws IOException {
        String name = segment.getFileName().toString();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            long size = channel.size();
            int window = 4096;
            while (true) {
                int length = (int) Math.min(size, window);
                ByteBuffer buffer = ByteBuffer.allocate(length);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, size - length + buffer.position()) < 0) {
                        throw new IOException(name + " shrank while being read");
                    }
                }
                byte[] bytes = buffer.array();
                if (length == 0 || bytes[length - 1] != '\n') {
                    throw new AuditCorruptionException(expectedSeq, name, size, "a segment followed by another segment must "
                            + "end with a complete record");
                }
                int start = length - 2;
                while (start >= 0 && bytes[start] != '\n') {
                    start--;
                }
                if (start >= 0 || length == size) {
                    int from = start + 1;
                    try {
                        return AuditCodec.claimedHead(bytes, from, length - 1 - from);
                    } catch (RecordFormatException e) {
                        throw new AuditCorruptionException(expectedSeq, name, size - length + from, "the segment's last record "
                                + "is unreadable: " + e.getMessage());
                    }
                }
                window *= 2;
            }
        }
    }
}
