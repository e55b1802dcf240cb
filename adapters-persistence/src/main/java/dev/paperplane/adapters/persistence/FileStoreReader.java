package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.AuditStorage;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ChainVerifier;
import dev.paperplane.application.audit.RecordFormatException;
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
 * It follows the log forward, verifying every complete line once, and keeps a sparse index (every
 * {@value #INDEX_INTERVAL} records and every segment start) of where each verified record lies, so reading at
 * any seq scans at most one index interval. A final line without its newline is an append in progress and
 * stays invisible; a complete line that does not verify is reported as corruption. Thread-safe.
 */
public final class FileStoreReader implements AuditReadPort, SnapshotLoadPort {

    /** Records between two entries of the sparse seq index. */
    static final int INDEX_INTERVAL = 1024;

    private final Layout layout;

    // the forward scan, guarded by this
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private final TreeMap<Long, Position> index = new TreeMap<>();
    private final ChainVerifier verifier = new ChainVerifier(ChainHead.GENESIS);
    private long scanSegment = -1;
    private long scanOffset;

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
        return verifier.head();
    }

    /** Follows the log from where the last scan stopped to the last complete line. */
    private void refresh() {
        try {
            while (true) {
                if (scanSegment < 0) {
                    segments.putAll(layout.segments());
                    if (segments.isEmpty()) {
                        return;
                    }
                    if (segments.firstKey() != 1) {
                        throw new AuditCorruptionException(1, Layout.segmentName(1), 0, "the first segment is "
                                + segments.firstEntry().getValue().getFileName() + ": the records before it are "
                                + "missing");
                    }
                    scanSegment = 1;
                    scanOffset = 0;
                }
                scanSegment();
                TreeMap<Long, Path> listed = layout.segments();
                Map.Entry<Long, Path> next = listed.higherEntry(scanSegment);
                if (next == null) {
                    return;
                }
                // a later segment exists, so the writer has finished this one: read its last bytes, if any
                if (scanSegment() > 0) {
                    throw new AuditCorruptionException(verifier.nextSeq(), Layout.segmentName(scanSegment),
                            scanOffset, "the segment ends in an incomplete record although "
                            + next.getValue().getFileName() + " follows it");
                }
                if (next.getKey() != verifier.nextSeq()) {
                    throw new AuditCorruptionException(verifier.nextSeq(), next.getValue().getFileName().toString(),
                            0, "the segment starts at seq " + next.getKey() + " but seq " + verifier.nextSeq()
                            + " is the next record");
                }
                segments.put(next.getKey(), next.getValue());
                scanSegment = next.getKey();
                scanOffset = 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log in " + layout.audit + ": " + e, e);
        }
    }

    /** Verifies the current segment's complete lines past the scan offset; returns the bytes left pending. */
    private int scanSegment() throws IOException {
        Path path = segments.get(scanSegment);
        String name = path.getFileName().toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            LineScanner scanner = new LineScanner(channel, scanOffset);
            while (scanner.next()) {
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
            return scanner.pendingBytes();
        } catch (NoSuchFileException e) {
            throw new AuditCorruptionException(verifier.nextSeq(), name, scanOffset, "the segment disappeared");
        }
    }

    @Override
    public Optional<AuditRecord> read(long seq) {
        if (seq < 1) {
            return Optional.empty();
        }
        Map.Entry<Long, Position> start;
        Path path;
        synchronized (this) {
            if (seq > verifier.head().seq()) {
                refresh();
                if (seq > verifier.head().seq()) {
                    return Optional.empty();
                }
            }
            start = index.floorEntry(seq);
            path = segments.get(start.getValue().segment());
        }
        try (Cursor cursor = new Cursor(path, start.getValue())) {
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

    @Override
    public Stream<AuditRecord> readAfter(long afterSeq) {
        long from = Math.max(afterSeq, 0) + 1;
        long to;
        Map.Entry<Long, Position> start;
        TreeMap<Long, Path> known;
        synchronized (this) {
            refresh();
            to = verifier.head().seq();
            if (from > to) {
                return Stream.empty();
            }
            start = index.floorEntry(from);
            known = new TreeMap<>(segments);
        }
        Records records = new Records(known, start, from, to);
        return StreamSupport.stream(records, false).onClose(records::close);
    }

    @Override
    public AuditStorage storage() {
        try {
            long bytes = 0;
            TreeMap<Long, Path> listed = layout.segments();
            for (Path segment : listed.values()) {
                try {
                    bytes += Files.size(segment);
                } catch (NoSuchFileException e) {
                    // removed between listing and sizing: it holds nothing any more
                }
            }
            return new AuditStorage(layout.data.toString(), bytes, listed.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the audit segments in " + layout.audit + ": " + e, e);
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

    @Override
    public Optional<Snapshot> load(long seq) {
        return SnapshotFiles.load(layout, seq);
    }

    /** Reads records of one segment from an indexed position, verifying the chain from there. */
    private static final class Cursor implements AutoCloseable {
        private final String name;
        private final FileChannel channel;
        private final LineScanner scanner;
        private final ChainVerifier chain;

        Cursor(Path segment, Position position) throws IOException {
            this.name = segment.getFileName().toString();
            this.channel = FileChannel.open(segment, StandardOpenOption.READ);
            this.scanner = new LineScanner(channel, position.offset());
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

        /** File offset just after the last line read. */
        long position() {
            return scanner.position();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** The records {@code from..to}, crossing segments; closes its file when done or when the stream closes. */
    private static final class Records extends Spliterators.AbstractSpliterator<AuditRecord> {
        private final TreeMap<Long, Path> segments;
        private final long from;
        private final long to;
        private long segment;
        private Position position;
        private Cursor cursor;

        Records(TreeMap<Long, Path> segments, Map.Entry<Long, Position> start, long from, long to) {
            super(to - from + 1, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED
                    | Spliterator.IMMUTABLE);
            this.segments = segments;
            this.from = from;
            this.to = to;
            this.segment = start.getValue().segment();
            this.position = start.getValue();
        }

        @Override
        public boolean tryAdvance(Consumer<? super AuditRecord> action) {
            try {
                while (true) {
                    if (cursor == null) {
                        if (position == null) {
                            return false;
                        }
                        cursor = new Cursor(segments.get(segment), position);
                        position = null;
                    }
                    long seq = cursor.nextSeq();
                    if (seq > to) {
                        close();
                        return false;
                    }
                    if (!cursor.hasLine()) {
                        Map.Entry<Long, Path> next = segments.higherEntry(segment);
                        if (next == null || next.getKey() != seq) {
                            throw new AuditCorruptionException(seq, Layout.segmentName(segment),
                                    cursor.position(), "record "
                                    + seq + " is missing although it was verified before");
                        }
                        ChainHead head = cursor.head();
                        close();
                        segment = next.getKey();
                        position = new Position(segment, 0, head);
                        continue;
                    }
                    AuditRecord record = cursor.decode(from);
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

        void close() {
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
