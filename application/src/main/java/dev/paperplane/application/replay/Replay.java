package dev.paperplane.application.replay;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotCodec;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.domain.runtime.RuntimeState;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Rebuilds runtime state from persistence alone: the newest usable snapshot at or below the target seq, then the
 * log's records after it. A snapshot is usable when it is intact, of the current schema, and its chain hash equals
 * the log's hash at its seq; any other is skipped with a warning, down to a replay from genesis.
 */
public final class Replay {
    private final AuditReadPort log;
    private final SnapshotLoadPort snapshots;
    private final Consumer<String> warnings;

    /** A replay over {@code log} and {@code snapshots}; skipped snapshots are reported to {@code warnings}. */
    public Replay(AuditReadPort log, SnapshotLoadPort snapshots, Consumer<String> warnings) {
        this.log = log;
        this.snapshots = snapshots;
        this.warnings = warnings;
    }

    /** The state at the log's current head. */
    public ReplayedState toHead() {
        return to(log.head().seq());
    }

    /**
     * The state after folding every record up to and including {@code seq}.
     *
     * @throws IllegalArgumentException when {@code seq} is negative or beyond the head
     */
    public ReplayedState to(long seq) {
        long head = log.head().seq();
        if (seq < 0 || seq > head) {
            throw new IllegalArgumentException("seq " + seq + " is outside the log (0.." + head + ")");
        }
        return advance(startingPoint(seq), seq);
    }

    /** Folds the records after {@code from} up to and including {@code seq} (the observer's incremental catch-up). */
    public ReplayedState advance(ReplayedState from, long seq) {
        if (seq <= from.seq()) {
            return from;
        }
        RuntimeState state = from.state();
        ChainHead head = from.head();
        try (Stream<AuditRecord> records = log.readAfter(from.seq())) {
            Iterator<AuditRecord> it = records.iterator();
            while (head.seq() < seq && it.hasNext()) {
                AuditRecord record = it.next();
                state = state.apply(record.event());
                head = new ChainHead(record.seq(), record.hash());
            }
        }
        if (head.seq() != seq) {
            throw new IllegalStateException("the log ended at seq " + head.seq() + " before seq " + seq);
        }
        return new ReplayedState(head, state, from.fromSnapshotSeq());
    }

    private ReplayedState startingPoint(long seq) {
        for (SnapshotInfo info : snapshots.list()) {
            if (info.seq() > seq || info.seq() < 1) {
                continue;
            }
            Optional<String> problem = info.problem();
            if (problem.isPresent()) {
                warnings.accept("snapshot at seq " + info.seq() + " skipped: " + problem.get());
                continue;
            }
            Optional<ReplayedState> usable = usable(info);
            if (usable.isPresent()) {
                return usable.get();
            }
        }
        return ReplayedState.GENESIS;
    }

    private Optional<ReplayedState> usable(SnapshotInfo info) {
        Optional<Snapshot> loaded = snapshots.load(info.seq());
        if (loaded.isEmpty()) {
            warnings.accept("snapshot at seq " + info.seq() + " skipped: it could not be loaded intact");
            return Optional.empty();
        }
        Snapshot snapshot = loaded.get();
        Optional<AuditRecord> record = log.read(snapshot.seq());
        if (record.isEmpty() || !record.get().hash().equals(snapshot.chainHash())) {
            warnings.accept("snapshot at seq " + info.seq() + " skipped: its chain hash does not match the log at that seq");
            return Optional.empty();
        }
        try {
            RuntimeState state = SnapshotCodec.decode(snapshot);
            return Optional.of(new ReplayedState(new ChainHead(snapshot.seq(), snapshot.chainHash()), state, snapshot.seq()));
        } catch (RuntimeException e) {
            warnings.accept("snapshot at seq " + info.seq() + " skipped: " + e.getMessage());
            return Optional.empty();
        }
    }
}
