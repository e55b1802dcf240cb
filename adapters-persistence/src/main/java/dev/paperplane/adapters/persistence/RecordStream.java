package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.ChainHead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The records from a seq to the end of the log as it was when the stream opened, crossing segments, each as what
 * its {@link Yield} makes of it (the decoded record, or the stored line): every line is verified from a verified
 * start position, what the stream verified is handed to the reader's scan every
 * {@value SeqIndex#INTERVAL} records and at its end, and its file closes when it is done or the stream closes.
 */
final class RecordStream<T> extends Spliterators.AbstractSpliterator<T> {

    /** What a stream yields of its cursor's current line, which it verifies: null for a line before {@code wanted}. */
    @FunctionalInterface
    interface Yield<T> {
        T at(SegmentCursor cursor, long wanted);
    }

    private final Yield<T> yield;
    private final NavigableMap<Long, Path> segments;
    private final long from;
    private final long startSeq;
    private final long lastSegment;
    private final long endOffset;
    private final Consumer<VerifiedLog.StreamProgress> handOver;
    private final List<LogPosition> indexed = new ArrayList<>();
    private long segment;
    private LogPosition position;   // where the next cursor opens; null while one is open
    private SegmentCursor cursor;
    private boolean done;
    // where the line of the last record this stream verified ends; its head is the cursor's, or the position's
    private long verifiedSegment;
    private long verifiedEnd;

    private RecordStream(NavigableMap<Long, Path> segments, LogPosition start, long from, long endOffset,
                         Consumer<VerifiedLog.StreamProgress> handOver, Yield<T> yield) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
        this.yield = yield;
        this.segments = segments;
        this.from = from;
        this.startSeq = start.nextSeq();
        this.lastSegment = segments.lastKey();
        this.endOffset = endOffset;
        this.handOver = handOver;
        this.segment = start.segment();
        this.position = start;
        this.verifiedSegment = start.segment();
        this.verifiedEnd = start.offset();
    }

    /**
     * The records from {@code from} on, read from {@code start} (a verified position at or before it) through
     * {@code segments}, the last of them up to {@code endOffset}, each as {@code yield} makes it; {@code handOver}
     * receives the progress.
     */
    static <T> Stream<T> of(NavigableMap<Long, Path> segments, LogPosition start, long from, long endOffset,
                            Consumer<VerifiedLog.StreamProgress> handOver, Yield<T> yield) {
        RecordStream<T> records = new RecordStream<>(segments, start, from, endOffset, handOver, yield);
        return StreamSupport.stream(records, false).onClose(records::close);
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        if (done) {
            return false;
        }
        try {
            while (true) {
                if (cursor == null) {
                    Path path = segments.get(segment);
                    if (path == null) {
                        throw new AuditCorruptionException(position.nextSeq(), Layout.segmentName(segment),
                                position.offset(), "the segment disappeared");
                    }
                    cursor = new SegmentCursor(path, position, segment == lastSegment ? endOffset : Long.MAX_VALUE);
                    position = null;
                }
                long seq = cursor.nextSeq();
                if (!cursor.hasLine()) {
                    nextSegment(seq);
                    if (done) {
                        return false;
                    }
                    continue;
                }
                if (SeqIndex.indexes(seq, cursor.lineOffset())) {
                    indexed.add(new LogPosition(segment, cursor.lineOffset(), cursor.head()));
                }
                T record = yield.at(cursor, from);
                verifiedSegment = segment;
                verifiedEnd = cursor.position();
                if (SeqIndex.endsInterval(seq)) {
                    handOver();
                }
                if (record != null) {
                    action.accept(record);
                    return true;
                }
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot read the audit log: " + e, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** At the end of a segment: ends the stream at the last one, else checks the join and moves on. */
    private void nextSegment(long seq) {
        if (segment == lastSegment) {
            close();
            return;
        }
        Map.Entry<Long, Path> next = segments.higherEntry(segment);
        if (cursor.pendingBytes() > 0) {
            throw new AuditCorruptionException(seq, Layout.segmentName(segment), cursor.position(),
                    "the segment ends in an incomplete record although " + next.getValue().getFileName()
                    + " follows it");
        }
        if (next.getKey() != seq) {
            throw new AuditCorruptionException(seq, next.getValue().getFileName().toString(), 0, "the segment "
                    + "starts at seq " + next.getKey() + " but seq " + seq + " is the next record");
        }
        ChainHead head = cursor.head();
        closeCursor();
        segment = next.getKey();
        position = new LogPosition(segment, 0, head);
    }

    /** Hands what this stream verified to the reader's scan. */
    private void handOver() {
        ChainHead head = cursor != null ? cursor.head() : position.head();
        handOver.accept(new VerifiedLog.StreamProgress(startSeq, indexed, segments,
                new LogPosition(verifiedSegment, verifiedEnd, head)));
        indexed.clear();
    }

    void close() {
        if (!done) {
            done = true;
            handOver();
        }
        closeCursor();
    }

    private void closeCursor() {
        if (cursor != null) {
            try {
                cursor.close();
            } catch (IOException e) {
                // a read-only channel that cannot close leaves nothing to undo
            }
            cursor = null;
        }
    }
}
