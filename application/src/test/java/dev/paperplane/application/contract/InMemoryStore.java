package dev.paperplane.application.contract;

import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.AuditStorage;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ChainVerifier;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.audit.StoredLine;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import dev.paperplane.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * A faithful in-memory store for tests: it keeps the exact record lines, verifies every batch against the
 * chain, decodes on every read, allows one writer at a time and keeps snapshots with their checksums. The
 * store itself is the read side; {@link #openWriter()} gives the write side.
 */
public final class InMemoryStore implements AuditReadPort, SnapshotLoadPort {

    private final List<byte[]> lines = new ArrayList<>();
    private final TreeMap<Long, Stored> snapshots = new TreeMap<>();
    private ChainHead head = ChainHead.GENESIS;
    private long bytes;
    private Writer writer;

    private record Stored(long seq, String chainHash, int schemaVersion, String checksum, byte[] state) {
    }

    /**
     * Opens the single writer.
     *
     * @throws IllegalStateException while another writer is open
     */
    public synchronized Writer openWriter() {
        if (writer != null) {
            throw new IllegalStateException("the in-memory store already has an open writer");
        }
        writer = new Writer();
        return writer;
    }

    /** Test convenience: seals {@code events} after the head and appends them as one batch. */
    public synchronized List<AuditRecord> append(List<? extends AuditEvent> events) {
        List<EncodedRecord> batch = SampleEvents.seal(head, events);
        take(batch);
        List<AuditRecord> records = new ArrayList<>(batch.size());
        for (EncodedRecord record : batch) {
            records.add(read(record.seq()).orElseThrow());
        }
        return records;
    }

    /** Test convenience: {@link #append(List)} for a few events. */
    public List<AuditRecord> append(AuditEvent... events) {
        return append(List.of(events));
    }

    /** Damages the state of the snapshot at {@code seq}, leaving its recorded checksum. */
    public synchronized void corruptSnapshot(long seq) {
        Stored stored = snapshots.get(seq);
        if (stored == null) {
            throw new IllegalArgumentException("no snapshot at seq " + seq);
        }
        byte[] damaged = Arrays.copyOf(stored.state(), stored.state().length + 1);
        damaged[damaged.length - 1] = '!';
        snapshots.put(seq, new Stored(seq, stored.chainHash(), stored.schemaVersion(), stored.checksum(), damaged));
    }

    private synchronized void take(List<EncodedRecord> batch) {
        ChainVerifier verifier = new ChainVerifier(head);
        for (EncodedRecord record : batch) {
            byte[] line = record.line();
            if (line.length == 0 || line[line.length - 1] != '\n') {
                throw new IllegalArgumentException("record " + record.seq() + " does not end in a newline");
            }
            if (record.seq() != verifier.nextSeq()) {
                throw new IllegalArgumentException("batch record seq " + record.seq() + " does not follow seq "
                        + verifier.head().seq());
            }
            try {
                verifier.next(line, 0, line.length - 1);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("batch record seq " + record.seq() + " does not verify: "
                        + e.getMessage(), e);
            }
        }
        for (EncodedRecord record : batch) {
            lines.add(record.line().clone());
            bytes += record.line().length;
        }
        head = verifier.head();
    }

    @Override
    public synchronized ChainHead head() {
        return head;
    }

    @Override
    public synchronized Optional<AuditRecord> read(long seq) {
        if (seq < 1 || seq > head.seq()) {
            return Optional.empty();
        }
        return Optional.of(decode(seq));
    }

    private AuditRecord decode(long seq) {
        ChainHead previous = seq == 1 ? ChainHead.GENESIS : claimed(lines.get((int) seq - 2));
        byte[] line = lines.get((int) seq - 1);
        return AuditCodec.open(previous, line, 0, line.length - 1);
    }

    private static ChainHead claimed(byte[] line) {
        return AuditCodec.claimedHead(line, 0, line.length - 1);
    }

    @Override
    public synchronized Stream<AuditRecord> readAfter(long afterSeq) {
        return stream(afterSeq, (verifier, line) -> verifier.next(line, 0, line.length - 1));
    }

    @Override
    public synchronized Stream<StoredLine> linesAfter(long afterSeq) {
        return stream(afterSeq, (verifier, line) -> new StoredLine(verifier.verify(line, 0, line.length - 1),
                Arrays.copyOf(line, line.length - 1)));
    }

    private <T> Stream<T> stream(long afterSeq, BiFunction<ChainVerifier, byte[], T> yield) {
        long from = Math.max(afterSeq, 0) + 1;
        long to = head.seq();
        if (from > to) {
            return Stream.empty();
        }
        List<byte[]> view = List.copyOf(lines.subList((int) from - 1, (int) to));
        ChainHead start = from == 1 ? ChainHead.GENESIS : claimed(lines.get((int) from - 2));
        ChainVerifier verifier = new ChainVerifier(start);
        return view.stream().map(line -> yield.apply(verifier, line));
    }

    @Override
    public synchronized AuditStorage storage() {
        return new AuditStorage("memory", bytes, lines.isEmpty() ? 0 : 1);
    }

    @Override
    public synchronized List<SnapshotInfo> list() {
        return snapshots.descendingMap().values().stream()
                .map(s -> new SnapshotInfo(s.seq(), s.chainHash(), s.schemaVersion(), s.checksum(),
                        s.state().length, problem(s)))
                .toList();
    }

    private static Optional<String> problem(Stored s) {
        if (s.schemaVersion() != Snapshot.CURRENT_SCHEMA) {
            return Optional.of("unknown schema version " + s.schemaVersion() + " (this runtime reads "
                    + Snapshot.CURRENT_SCHEMA + ")");
        }
        String actual = new Snapshot(s.seq(), s.chainHash(), s.schemaVersion(), s.state()).checksum();
        if (!actual.equals(s.checksum())) {
            return Optional.of("checksum mismatch: recorded " + s.checksum() + ", state hashes to " + actual);
        }
        return Optional.empty();
    }

    @Override
    public synchronized Optional<Snapshot> load(long seq) {
        Stored s = snapshots.get(seq);
        if (s == null || problem(s).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(s.seq(), s.chainHash(), s.schemaVersion(), s.state().clone()));
    }

    private synchronized void keep(Snapshot snapshot) {
        if (!snapshot.chainHash().matches("[0-9a-f]{64}") || snapshot.seq() < 0 || snapshot.schemaVersion() < 1) {
            throw new IllegalArgumentException("snapshot at seq " + snapshot.seq()
                    + " needs a 64 lowercase hex chain hash, a seq >= 0 and a schema version >= 1");
        }
        Stored existing = snapshots.get(snapshot.seq());
        if (existing != null) {
            boolean same = existing.chainHash().equals(snapshot.chainHash())
                    && existing.schemaVersion() == snapshot.schemaVersion()
                    && Arrays.equals(existing.state(), snapshot.state());
            if (same) {
                return;
            }
            throw new IllegalStateException("a different snapshot at seq " + snapshot.seq() + " is already stored");
        }
        snapshots.put(snapshot.seq(), new Stored(snapshot.seq(), snapshot.chainHash(), snapshot.schemaVersion(),
                snapshot.checksum(), snapshot.state().clone()));
    }

    /** The single writer: appends batches and stores snapshots until closed. */
    public final class Writer implements AuditAppendPort, SnapshotStorePort {
        private boolean closed;

        private Writer() {
        }

        @Override
        public ChainHead head() {
            return InMemoryStore.this.head();
        }

        @Override
        public void append(List<EncodedRecord> batch) {
            synchronized (InMemoryStore.this) {
                requireOpen();
                take(batch);
            }
        }

        @Override
        public void store(Snapshot snapshot) {
            synchronized (InMemoryStore.this) {
                requireOpen();
                keep(snapshot);
            }
        }

        private void requireOpen() {
            if (closed) {
                throw new IllegalStateException("the in-memory writer is closed");
            }
        }

        @Override
        public void close() {
            synchronized (InMemoryStore.this) {
                if (!closed) {
                    closed = true;
                    writer = null;
                }
            }
        }
    }
}
