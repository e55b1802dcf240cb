package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.AuditStorage;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ChainVerifier;
import dev.paperplane.application.audit.RecordFormatException;
import dev.paperplane.application.audit.TornTail;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a data directory without creating, writing or locking anything, while a writer may be appending.
 * It follows the log forward, verifying every complete line, and keeps a sparse index (every
 * {@value #INDEX_INTERVAL} records and every segment start) of where each verified record lies, so reading at
 * any seq scans at most one index interval. A final line without its newline is an append in progress and
 * stays invisible; a complete line that does not verify is reported as corruption. Thread-safe.
 *
 * <p>When an intact snapshot binds the chain, the forward scan starts near it instead of at genesis: the scan
 * verifies the {@value #ANCHOR_WINDOW} records up to the snapshot's seq from the hash the record before them
 * claims, and the snapshot is an anchor only when the chain hash so verified at its seq equals the snapshot's.
 * Records before that window are verified, from genesis, the first time one of them is read, and every stream
 * from seq 1 verifies from genesis; so the head is served without hashing the whole log, and nothing is ever
 * returned unverified. A stream that reads past the scan's end advances the scan, so a line is hashed once
 * when a fresh reader replays the log.
 *
 * <p>Following an idle log is cheap: the scan re-reads its segment only when the segment's size has changed, and
 * lists the audit directory only when the scan has moved since the last listing or a segment named for the
 * next seq has appeared (the writer starts each segment at a batch boundary, with that name).
 */
public final class FileStoreReader implements AuditReadPort, SnapshotLoadPort {

    /** Records between two entries of the sparse seq index. */
    static final int INDEX_INTERVAL = 1024;

    /**
     * Records up to and including an anchoring snapshot's seq that the scan verifies from the claim before them:
     * enough for a start to read back the last bar's batch before the snapshot without verifying from genesis.
     */
    static final int ANCHOR_WINDOW = 256;

    /** Snapshots, newest first, tried as the anchor before the scan starts at genesis. */
    private static final int ANCHOR_CANDIDATES = 3;

    private final Layout layout;

    // the forward scan, guarded by this
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private final TreeMap<Long, Position> index = new TreeMap<>();
    private boolean started;
    private ChainHead verified = ChainHead.GENESIS;
    private long scanSegment;
    private long scanOffset;
    // records below anchorStart are not verified yet; 1 once everything up to the scan's end is
    private long anchorStart = 1;
    // the scan segment's size before the last pass that read all its complete lines, and the bytes it left
    // pending: while the size stays the same, a pass would find nothing new
    private long passSegment = -1;
    private long passOffset = -1;
    private long passSize = -1;
    private int passPending;
    // the verified seq when the audit directory was last listed with the scan at its last segment (-1: never)
    private long listedAt = -1;
    // sizes of the segments behind the scan's
    private final TreeMap<Long, Long> sealedSizes = new TreeMap<>();

    /** Where record {@code seq} of the index starts, and the head it follows. */
    private record Position(long segment, long offset, ChainHead previous) {
    }

    private FileStoreReader(Layout layout) {
        this.layout = layout;
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

    @Override
    public synchronized ChainHead head() {
        refresh();
        return verified;
    }

    /** Follows the log from where the last scan stopped to the last complete line. */
    private void refresh() {
        try {
            if (start()) {
                scanTo(Long.MAX_VALUE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log in " + layout.audit + ": " + e, e);
        }
    }

    /** Starts the scan once the first segment exists, at a snapshot near the head if one anchors; false before. */
    private boolean start() throws IOException {
        if (started) {
            return true;
        }
        segments.putAll(layout.segments());
        if (segments.isEmpty()) {
            return false;
        }
        if (segments.firstKey() != 1) {
            throw new AuditCorruptionException(1, Layout.segmentName(1), 0, "the first segment is "
                    + segments.firstEntry().getValue().getFileName() + ": the records before it are missing");
        }
        started = true;
        for (Map.Entry<Long, Path> file : layout.snapshotFiles().descendingMap().entrySet().stream()
                .limit(ANCHOR_CANDIDATES).toList()) {
            if (anchor(file.getKey())) {
                return true;
            }
        }
        fromGenesis();
        return true;
    }

    private void fromGenesis() {
        index.clear();
        verified = ChainHead.GENESIS;
        scanSegment = 1;
        scanOffset = 0;
        anchorStart = 1;
    }

    /**
     * Starts the scan {@value #ANCHOR_WINDOW} records before the snapshot at {@code seq} (not before its
     * segment's first record) from the hash the record before claims, and verifies up to {@code seq}: the
     * snapshot anchors when the chain hash there is the snapshot's. Damage inside the window is reported as
     * corruption like any other; a snapshot that does not anchor leaves the scan at genesis.
     */
    private boolean anchor(long seq) throws IOException {
        Optional<Snapshot> snapshot = seq < 1 ? Optional.empty() : SnapshotFiles.load(layout, seq);
        Map.Entry<Long, Path> segment = segments.floorEntry(seq);
        if (snapshot.isEmpty() || segment == null) {
            return false;
        }
        long first = Math.max(segment.getKey(), seq - ANCHOR_WINDOW + 1);
        ChainHead previous;
        long offset;
        if (first == 1) {
            previous = ChainHead.GENESIS;
            offset = 0;
        } else if (first == segment.getKey()) {
            try {
                previous = TailRecovery.lastRecordOf(segments.lowerEntry(first).getValue(), first - 1);
            } catch (AuditCorruptionException e) {
                return false;
            }
            offset = 0;
        } else {
            Optional<SegmentSeek.Line> line;
            try (FileChannel channel = FileChannel.open(segment.getValue(), StandardOpenOption.READ)) {
                line = SegmentSeek.find(channel, channel.size(), first - 1);
            } catch (NoSuchFileException e) {
                return false;
            }
            if (line.isEmpty()) {
                return false;
            }
            previous = line.get().claimed();
            offset = line.get().end();
        }
        if (previous.seq() != first - 1) {
            return false;
        }
        index.clear();
        verified = previous;
        scanSegment = segment.getKey();
        scanOffset = offset;
        anchorStart = first;
        index.put(first, new Position(scanSegment, offset, previous));
        scanTo(seq);
        if (verified.seq() == seq && verified.hash().equals(snapshot.get().chainHash())) {
            return true;
        }
        fromGenesis();
        return false;
    }

    /** Verifies the records below the anchor window from genesis, the first time one of them is wanted. */
    private void verifyBelowAnchor() throws IOException {
        if (anchorStart == 1) {
            return;
        }
        Position anchor = index.get(anchorStart);
        ChainHead frontHead = verified;
        long frontSegment = scanSegment;
        long frontOffset = scanOffset;
        verified = ChainHead.GENESIS;
        scanSegment = 1;
        scanOffset = 0;
        try {
            scanTo(anchorStart - 1);
            if (!verified.equals(anchor.previous())) {
                throw new AuditCorruptionException(anchorStart - 1, Layout.segmentName(scanSegment), scanOffset,
                        "the chain from genesis reaches seq " + verified.seq() + " with hash " + verified.hash()
                        + " where the record claimed " + anchor.previous().hash() + " when the reader started");
            }
        } finally {
            if (verified.equals(anchor.previous())) {
                anchorStart = 1;
            }
            verified = frontHead;
            scanSegment = frontSegment;
            scanOffset = frontOffset;
        }
    }

    /** Scans forward, across segments, until record {@code stop} or the last complete line. */
    private void scanTo(long stop) throws IOException {
        while (verified.seq() < stop) {
            scanSegment(stop);
            if (verified.seq() >= stop) {
                return;
            }
            Map.Entry<Long, Path> next = followingSegment();
            if (next == null) {
                return;
            }
            // a later segment exists, so the writer has finished this one: read its last bytes, if any
            if (scanSegment(stop) > 0) {
                throw new AuditCorruptionException(verified.seq() + 1, Layout.segmentName(scanSegment),
                        scanOffset, "the segment ends in an incomplete record although "
                        + next.getValue().getFileName() + " follows it");
            }
            if (verified.seq() >= stop) {
                return;
            }
            if (next.getKey() != verified.seq() + 1) {
                throw new AuditCorruptionException(verified.seq() + 1, next.getValue().getFileName().toString(),
                        0, "the segment starts at seq " + next.getKey() + " but seq " + (verified.seq() + 1)
                        + " is the next record");
            }
            segments.put(next.getKey(), next.getValue());
            scanSegment = next.getKey();
            scanOffset = 0;
        }
    }

    /**
     * The segment after the scan's, if one exists. The directory is listed when the scan has moved since the
     * last listing or a segment named for the next seq has appeared; otherwise the last listing stands, so
     * following an idle log costs two file-status calls rather than a directory listing per {@link #head()}.
     */
    private Map.Entry<Long, Path> followingSegment() throws IOException {
        if (listingStands()) {
            return null;
        }
        TreeMap<Long, Path> listed = layout.segments();
        Map.Entry<Long, Path> next = listed.higherEntry(scanSegment);
        listedAt = next == null ? verified.seq() : -1;
        return next;
    }

    /**
     * Verifies the current segment's complete lines past the scan offset, up to record {@code stop}; returns
     * the bytes left pending.
     */
    private int scanSegment(long stop) throws IOException {
        Path path = segments.get(scanSegment);
        String name = path.getFileName().toString();
        ChainVerifier verifier = new ChainVerifier(verified);
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new AuditCorruptionException(verifier.nextSeq(), name, scanOffset, "the segment disappeared");
        }
        if (passSegment == scanSegment && passOffset == scanOffset && passSize == size) {
            return passPending;
        }
        passSegment = -1;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            LineScanner scanner = new LineScanner(channel, scanOffset);
            boolean more;
            while ((more = verifier.nextSeq() <= stop) && scanner.next()) {
                long seq = verifier.nextSeq();
                ChainHead previous = scanner.lineOffset() == 0 || (seq - 1) % INDEX_INTERVAL == 0
                        ? verifier.head() : null;
                try {
                    verifier.verify(scanner.buffer(), scanner.lineStart(), scanner.lineLength());
                } catch (RecordFormatException e) {
                    throw new AuditCorruptionException(seq, name, scanner.lineOffset(), e.getMessage());
                }
                if (previous != null) {
                    index.put(seq, new Position(scanSegment, scanner.lineOffset(), previous));
                }
                scanOffset = scanner.position();
            }
            if (more) {
                passSegment = scanSegment;
                passOffset = scanOffset;
                passSize = size;
                passPending = scanner.pendingBytes();
            }
            return scanner.pendingBytes();
        } catch (NoSuchFileException e) {
            throw new AuditCorruptionException(verifier.nextSeq(), name, scanOffset, "the segment disappeared");
        } finally {
            verified = verifier.head();
        }
    }

    /**
     * Takes what a stream verified past the scan's end: its index entries, the segments it entered and where it
     * stopped. A stream that started after the scan's end (it cannot have: streams start at verified
     * positions) or behind it changes nothing but the index.
     */
    private synchronized void advance(long streamStart, List<Map.Entry<Long, Position>> entries,
                                      TreeMap<Long, Path> streamSegments, ChainHead head, long segment,
                                      long offset) {
        if (!started || streamStart > verified.seq() + 1 || head.seq() <= verified.seq()) {
            return;
        }
        for (Map.Entry<Long, Position> entry : entries) {
            if (entry.getKey() >= anchorStart) {
                index.put(entry.getKey(), entry.getValue());
            }
        }
        segments.putAll(streamSegments.headMap(segment, true));
        verified = head;
        scanSegment = segment;
        scanOffset = offset;
    }

    @Override
    public Optional<AuditRecord> read(long seq) {
        if (seq < 1) {
            return Optional.empty();
        }
        Map.Entry<Long, Position> start;
        Path path;
        synchronized (this) {
            try {
                // a first read at the anchor's seq (replay checking its snapshot) needs no scan to the head
                if (!start()) {
                    return Optional.empty();
                }
                if (seq > verified.seq()) {
                    scanTo(Long.MAX_VALUE);
                    if (seq > verified.seq()) {
                        return Optional.empty();
                    }
                }
                if (seq < anchorStart) {
                    verifyBelowAnchor();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the audit log in " + layout.audit + ": " + e, e);
            }
            start = index.floorEntry(seq);
            path = segments.get(start.getValue().segment());
        }
        try (Cursor cursor = new Cursor(path, start.getValue(), Long.MAX_VALUE)) {
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
     * it verifies past the reader's scan advances the scan. The log "as it was" is every complete line within
     * the segment files' sizes when the stream opened.
     */
    @Override
    public Stream<AuditRecord> readAfter(long afterSeq) {
        long from = Math.max(afterSeq, 0) + 1;
        Position start;
        TreeMap<Long, Path> listed;
        long endOffset;
        synchronized (this) {
            try {
                if (!start()) {
                    return Stream.empty();
                }
                if (from == 1) {
                    start = new Position(1, 0, ChainHead.GENESIS);
                } else {
                    if (from < anchorStart) {
                        verifyBelowAnchor();
                    }
                    start = from <= verified.seq() ? index.floorEntry(from).getValue()
                            : new Position(scanSegment, scanOffset, verified);
                }
                listed = knownSegments();
                listed.putAll(segments.tailMap(start.segment()));
                endOffset = Files.size(listed.lastEntry().getValue());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the audit log in " + layout.audit + ": " + e, e);
            }
        }
        Records records = new Records(listed, start, from, endOffset);
        return StreamSupport.stream(records, false).onClose(records::close);
    }

    @Override
    public synchronized AuditStorage storage() {
        try {
            TreeMap<Long, Path> listed = knownSegments();
            long bytes = 0;
            for (Map.Entry<Long, Path> segment : listed.entrySet()) {
                bytes += sizeOf(segment.getKey(), segment.getValue());
            }
            return new AuditStorage(layout.data.toString(), bytes, listed.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the audit segments in " + layout.audit + ": " + e, e);
        }
    }

    /** A segment's size; remembered once the scan has left the segment, since the writer never appends to it again. */
    private long sizeOf(long first, Path path) throws IOException {
        Long sealed = sealedSizes.get(first);
        if (sealed != null) {
            return sealed;
        }
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            return 0;   // removed between listing and sizing: it holds nothing any more
        }
        if (started && first < scanSegment && path.equals(segments.get(first))) {
            sealedSizes.put(first, size);
        }
        return size;
    }

    /**
     * The segments as last listed while the scan stood where it stands now and no segment for the next seq
     * existed; otherwise a new listing. Called with this reader's lock held.
     */
    private TreeMap<Long, Path> knownSegments() throws IOException {
        if (started && segments.lastKey() == scanSegment && listingStands()) {
            return new TreeMap<>(segments);
        }
        return layout.segments();
    }

    /**
     * Whether the last listing of the audit directory still stands: the scan has not moved since it found no segment
     * after its own, and no segment named for the next seq has appeared.
     */
    private boolean listingStands() {
        long nextFirst = verified.seq() + 1;
        return listedAt == verified.seq() && (nextFirst == scanSegment || !Files.exists(layout.segment(nextFirst)));
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

    /** Reads records of one segment from a verified position, verifying the chain from there. */
    private static final class Cursor implements AutoCloseable {
        private final String name;
        private final FileChannel channel;
        private final LineScanner scanner;
        private final ChainVerifier chain;

        Cursor(Path segment, Position position, long endOffset) throws IOException {
            this.name = segment.getFileName().toString();
            this.channel = FileChannel.open(segment, StandardOpenOption.READ);
            this.scanner = new LineScanner(channel, position.offset(), endOffset);
            this.chain = new ChainVerifier(position.previous());
        }

        /** Whether another line is in this segment. */
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

        /** Verifies the scanner's current line; decodes it when its seq is {@code wanted} or later. */
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

    /**
     * The records from {@code from} to the end of the log as it was when the stream opened, crossing segments;
     * verifies every line from its start position, hands its progress to the reader's scan every
     * {@value #INDEX_INTERVAL} records and at its end, and closes its file when done or when the stream closes.
     */
    private final class Records extends Spliterators.AbstractSpliterator<AuditRecord> {
        private final TreeMap<Long, Path> segments;
        private final long from;
        private final long startSeq;
        private final long lastSegment;
        private final long endOffset;
        private final List<Map.Entry<Long, Position>> entries = new ArrayList<>();
        private long segment;
        private Position position;
        private Cursor cursor;
        private boolean done;
        // the last record this stream verified, and where its line ends
        private ChainHead verifiedHead;
        private long verifiedSegment;
        private long verifiedEnd;

        Records(TreeMap<Long, Path> segments, Position start, long from, long endOffset) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
            this.segments = segments;
            this.from = from;
            this.startSeq = start.previous().seq() + 1;
            this.lastSegment = segments.lastKey();
            this.endOffset = endOffset;
            this.segment = start.segment();
            this.position = start;
            this.verifiedHead = start.previous();
            this.verifiedSegment = start.segment();
            this.verifiedEnd = start.offset();
        }

        @Override
        public boolean tryAdvance(Consumer<? super AuditRecord> action) {
            if (done) {
                return false;
            }
            try {
                while (true) {
                    if (cursor == null) {
                        Path path = segments.get(segment);
                        if (path == null) {
                            throw new AuditCorruptionException(position.previous().seq() + 1,
                                    Layout.segmentName(segment), position.offset(), "the segment disappeared");
                        }
                        cursor = new Cursor(path, position, segment == lastSegment ? endOffset : Long.MAX_VALUE);
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
                    if (cursor.lineOffset() == 0 || (seq - 1) % INDEX_INTERVAL == 0) {
                        entries.add(Map.entry(seq, new Position(segment, cursor.lineOffset(), cursor.head())));
                    }
                    AuditRecord record = cursor.decode(from);
                    verifiedHead = cursor.head();
                    verifiedSegment = segment;
                    verifiedEnd = cursor.position();
                    if (seq % INDEX_INTERVAL == 0) {
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
            position = new Position(segment, 0, head);
        }

        /** Hands what this stream verified to the reader's scan. */
        private void handOver() {
            advance(startSeq, entries, segments, verifiedHead, verifiedSegment, verifiedEnd);
            entries.clear();
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
}
