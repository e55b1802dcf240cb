package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.audit.append.AuditWriteException;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import dev.paperplane.application.snapshot.store.SnapshotWriteException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single writer of a data directory: appends batches to the audit segments durably and stores snapshots
 * atomically. Holds the directory's lock file for its whole life. Thread-safe.
 */
public final class FileStoreWriter implements AuditAppendPort, SnapshotStorePort {

    /**
     * The lock files writers in this JVM hold. The OS lock belongs to the process, and closing any channel to the
     * lock file drops it (POSIX record locks), so a second writer here is refused before it opens the file at all.
     */
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Layout layout;
    private final Path lockKey;
    private final long segmentBytes;
    private final Durability durability;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Optional<TornTailRecovery> recovery;

    private ChainHead head;
    private Path segment;
    private FileChannel channel;
    private long segmentSize;
    private IOException failure;
    private boolean closed;

    private FileStoreWriter(Layout layout, Path lockKey, long segmentBytes, Durability durability,
                            FileChannel lockChannel, FileLock lock, TailRecovery.End end) throws IOException {
        this.layout = layout;
        this.lockKey = lockKey;
        this.segmentBytes = segmentBytes;
        this.durability = durability;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.recovery = end.recovery();
        this.head = end.head();
        this.segment = end.lastSegment();
        this.segmentSize = end.lastSegmentSize();
        this.channel = segment == null ? null : FileChannel.open(segment, StandardOpenOption.WRITE);
    }

    static FileStoreWriter open(Path dataDir, long segmentBytes, Durability durability) {
        if (segmentBytes < 1) {
            throw new IllegalArgumentException("segmentBytes must be positive, was " + segmentBytes);
        }
        Layout layout = new Layout(dataDir);
        try {
            Files.createDirectories(layout.data);
            Files.createDirectories(layout.audit);
            Files.createDirectories(layout.snapshots);
            Files.createDirectories(layout.quarantine);
            Layout.syncDirectory(layout.data);
        } catch (IOException e) {
            throw new FileStoreException("cannot create the data directory " + layout.data + ": " + e, e);
        }
        Path lockKey;
        try {
            lockKey = layout.data.toRealPath().resolve(Layout.LOCK_FILE);
        } catch (IOException e) {
            throw new FileStoreException("cannot resolve the data directory " + layout.data + ": " + e, e);
        }
        if (!HELD_IN_THIS_JVM.add(lockKey)) {
            throw alreadyOpen(layout, " (pid " + ProcessHandle.current().pid() + ")");
        }
        try {
            return lockAndOpen(layout, lockKey, segmentBytes, durability);
        } catch (RuntimeException | Error e) {
            HELD_IN_THIS_JVM.remove(lockKey);
            throw e;
        }
    }

    private static FileStoreWriter lockAndOpen(Layout layout, Path lockKey, long segmentBytes, Durability durability) {
        FileChannel lockChannel;
        try {
            lockChannel = FileChannel.open(layout.lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new FileStoreException("cannot open the lock file " + layout.lock + ": " + e, e);
        }
        FileLock lock = null;
        try {
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // this JVM already holds it: another writer in this process
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new FileStoreException("cannot lock " + layout.lock + ": " + e, e);
        }
        if (lock == null) {
            closeQuietly(lockChannel);
            throw alreadyOpen(layout, holder(layout.lock));
        }
        try {
            lockChannel.truncate(0);
            lockChannel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII)), 0);
            deleteSnapshotTemps(layout);
            TailRecovery.End end = TailRecovery.recover(layout);
            return new FileStoreWriter(layout, lockKey, segmentBytes, durability, lockChannel, lock, end);
        } catch (IOException e) {
            release(lock, lockChannel);
            throw new FileStoreException("cannot open the audit log in " + layout.data + ": " + e, e);
        } catch (RuntimeException | Error e) {
            release(lock, lockChannel);
            throw e;
        }
    }

    private static FileStoreException alreadyOpen(Layout layout, String holder) {
        return new FileStoreException("the data directory " + layout.data + " is already open for writing: its "
                + "lock file " + layout.lock + " is held by another writer" + holder + ". Only one "
                + "runtime may write a data directory: stop the other one, or use another data directory.");
    }

    private static String holder(Path lockFile) {
        try {
            String content = Files.readString(lockFile, java.nio.charset.StandardCharsets.US_ASCII).strip();
            return content.startsWith("pid ") ? " (" + content + ")" : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void deleteSnapshotTemps(Layout layout) throws IOException {
        try (var entries = Files.newDirectoryStream(layout.snapshots, "*" + Layout.TEMP_SUFFIX)) {
            for (Path temp : entries) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** What was done about a torn tail when this writer opened, if there was one. */
    public Optional<TornTailRecovery> recovery() {
        return recovery;
    }

    /** The data directory this writer holds. */
    public Path dataDir() {
        return layout.data;
    }

    @Override
    public synchronized ChainHead head() {
        return head;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the batch does not verify as the canonical continuation of the head
     *                                  (nothing is written and the writer stays usable)
     * @throws IllegalStateException    when the writer is closed
     */
    @Override
    public synchronized void append(List<EncodedRecord> batch) {
        appendBatches(List.of(batch));
    }

    /**
     * {@inheritDoc} One durable write per run of batches that go into the same segment: a new segment starts before
     * exactly the batch that would start it if each batch were appended alone, so the segment files are the same
     * either way.
     */
    @Override
    public synchronized void appendBatches(List<List<EncodedRecord>> batches) {
        requireOpen();
        if (failure != null) {
            throw new AuditWriteException("the audit writer for " + layout.data + " stopped for good after an "
                    + "earlier write failure (" + failure + "); it accepts no more records. Restart the runtime: "
                    + "opening the data directory recovers every acknowledged record.", failure);
        }
        int count = 0;
        for (List<EncodedRecord> batch : batches) {
            count += batch.size();
        }
        List<EncodedRecord> all = new ArrayList<>(count);
        // record by record: addAll would copy each (unmodifiable) batch into an array first
        for (List<EncodedRecord> batch : batches) {
            for (EncodedRecord record : batch) {
                all.add(record);
            }
        }
        if (all.isEmpty()) {
            return;
        }
        // the whole group is checked before a byte is written: a refused group leaves the log as it was
        EncodedRecord.verifyContinuation(head, all);
        List<EncodedRecord> run = new ArrayList<>(count);
        long size = rollsBeforeAppend() ? 0 : segmentSize;   // of the segment the run goes into
        for (List<EncodedRecord> batch : batches) {
            if (!run.isEmpty() && size >= segmentBytes) {
                write(run);
                run = new ArrayList<>();
                size = 0;
            }
            for (EncodedRecord record : batch) {
                run.add(record);
                size += record.length();
            }
        }
        write(run);
    }

    /** Writes one verified run of records into the current segment (or a new one, by the segment rule) and forces it. */
    private void write(List<EncodedRecord> run) {
        EncodedRecord last = run.getLast();
        ChainHead after = new ChainHead(last.seq(), last.hash());
        long first = run.getFirst().seq();
        try {
            if (rollsBeforeAppend()) {
                roll(first);
            }
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(run.stream().mapToLong(EncodedRecord::length)
                    .sum()));
            for (EncodedRecord record : run) {
                record.writeTo(bytes);
            }
            bytes.flip();
            long position = segmentSize;
            while (bytes.hasRemaining()) {
                position += channel.write(bytes, position);
            }
            durability.force(channel);
            segmentSize = position;
            head = after;
        } catch (IOException e) {
            failure = e;
            throw new AuditWriteException("could not durably append records " + first + ".." + after.seq() + " to "
                    + (segment == null ? layout.audit : segment) + ": " + e + ". The writer has stopped for good; "
                    + "records up to seq " + head.seq() + " are stored. Restart the runtime to recover.", e);
        }
    }

    /** The segment rule: a new segment starts before a batch once the current one has reached the segment size. */
    private boolean rollsBeforeAppend() {
        return channel == null || segmentSize >= segmentBytes && segmentSize > 0;
    }

    private void roll(long firstSeq) throws IOException {
        Path next = layout.segment(firstSeq);
        FileChannel created = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (channel != null) {
            channel.close();
        }
        channel = created;
        segment = next;
        segmentSize = 0;
        Layout.syncDirectory(layout.audit);
    }

    /**
     * {@inheritDoc} Written to a temp file, forced, renamed atomically and the directory forced. Storing the
     * same snapshot again is a no-op; a different one at a stored seq is refused.
     *
     * @throws IllegalStateException  when a different snapshot is stored at that seq, or the writer is closed
     * @throws SnapshotWriteException when the file could not be written; its temp file is removed
     */
    @Override
    public synchronized void store(Snapshot snapshot) {
        requireOpen();
        SnapshotFiles.validate(snapshot);
        byte[] content = SnapshotFiles.encode(snapshot);
        Path target = layout.snapshot(snapshot.seq());
        Path temp = layout.snapshotTemp(snapshot.seq());
        try {
            if (SnapshotFiles.alreadyStored(target, snapshot.seq(), content)) {
                return;
            }
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            Layout.syncDirectory(layout.snapshots);
        } catch (IOException e) {
            String removed = removeTemp(temp);
            throw new SnapshotWriteException("could not store the snapshot at seq " + snapshot.seq() + " in "
                    + layout.snapshots + ": " + e + removed, e);
        }
    }

    /** Deletes a failed write's temp file; says so when even that fails, so the operator can remove it. */
    private static String removeTemp(Path temp) {
        try {
            Files.deleteIfExists(temp);
            return "";
        } catch (IOException e) {
            return "; its temp file " + temp + " could not be removed either (" + e + "): remove it";
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the writer of " + layout.data + " is closed");
        }
    }

    /** Closes the segment and releases the lock. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (channel != null) {
            closeQuietly(channel);
        }
        release(lock, lockChannel);
        HELD_IN_THIS_JVM.remove(lockKey);
    }

    private static void release(FileLock lock, FileChannel lockChannel) {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do with a channel that cannot close
        }
    }
}
