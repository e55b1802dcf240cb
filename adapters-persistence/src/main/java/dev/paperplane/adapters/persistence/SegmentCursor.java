package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ChainVerifier;
import dev.paperplane.application.audit.RecordFormatException;
import dev.paperplane.application.audit.StoredLine;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Reads the records of one segment from a verified position, verifying the chain from there. */
final class SegmentCursor implements AutoCloseable {
    private final String name;
    private final FileChannel channel;
    private final LineScanner scanner;
    private final ChainVerifier chain;

    /** A cursor at {@code position} of {@code segment}, over the lines that end before {@code endOffset}. */
    SegmentCursor(Path segment, LogPosition position, long endOffset) throws IOException {
        this.name = segment.getFileName().toString();
        this.channel = FileChannel.open(segment, StandardOpenOption.READ);
        this.scanner = new LineScanner(channel, position.offset(), endOffset);
        this.chain = new ChainVerifier(position.head());
    }

    /** Moves to the next line; false when there is no other complete line in this segment. */
    boolean hasLine() throws IOException {
        return scanner.next();
    }

    long nextSeq() {
        return chain.nextSeq();
    }

    /** Moves past records before {@code wanted}; returns the record once it reaches it, else null. */
    AuditRecord next(long wanted) throws IOException {
        long seq = chain.nextSeq();
        if (!scanner.next()) {
            throw new AuditCorruptionException(seq, name, scanner.position(), "the record is no longer in the "
                    + "segment although it was verified before");
        }
        return decode(wanted);
    }

    /** Verifies the current line; decodes it when its seq is {@code wanted} or later, else returns null. */
    AuditRecord decode(long wanted) {
        long seq = chain.nextSeq();
        try {
            if (seq < wanted) {
                chain.verify(scanner.buffer(), scanner.lineStart(), scanner.lineLength());
                return null;
            }
            return chain.next(scanner.buffer(), scanner.lineStart(), scanner.lineLength());
        } catch (RecordFormatException e) {
            throw new AuditCorruptionException(seq, name, scanner.lineOffset(), e.getMessage());
        }
    }

    /** Verifies the current line; returns its bytes as stored when its seq is {@code wanted} or later, else null. */
    StoredLine line(long wanted) {
        long seq = chain.nextSeq();
        try {
            chain.verify(scanner.buffer(), scanner.lineStart(), scanner.lineLength());
        } catch (RecordFormatException e) {
            throw new AuditCorruptionException(seq, name, scanner.lineOffset(), e.getMessage());
        }
        if (seq < wanted) {
            return null;
        }
        int start = scanner.lineStart();
        return new StoredLine(seq, Arrays.copyOfRange(scanner.buffer(), start, start + scanner.lineLength()));
    }

    /** The last verified record's head (the start's until a line verified). */
    ChainHead head() {
        return chain.head();
    }

    /** File offset of the current line. */
    long lineOffset() {
        return scanner.lineOffset();
    }

    /** File offset just after the last line read. */
    long position() {
        return scanner.position();
    }

    /** Bytes after the last complete line. */
    int pendingBytes() {
        return scanner.pendingBytes();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
