package dev.paperplane.application.replay;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotCodec;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.domain.runtime.RuntimeState;
import dev.paperplane.domain.runtime.StateFold;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

    /**
     * The state at the log's current head: the newest usable snapshot, then one pass over the records after it,
     * each verified and folded as it is read (rather than asking the log for its verified head first, which a
     * log may only know by verifying those records once more). Snapshots beyond the end are skipped silently,
     * as {@link #to(long)} skips those beyond the seq it is given.
     */
    public ReplayedState toHead() {
        List<Skipped> skipped = new ArrayList<>();
        ReplayedState start = startingPoint(Long.MAX_VALUE, skipped::add);
        ReplayedState end = fold(start, Long.MAX_VALUE);
        for (Skipped warning : skipped) {
            if (warning.seq() <= end.seq()) {
                warnings.accept(warning.text());
            }
        }
        return end;
    }

    /** A snapshot skipped, and why. */
    private record Skipped(long seq, String text) {
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
        return advance(startingPoint(seq, skipped -> warnings.accept(skipped.text())), seq);
    }

    /** Folds the records after {@code from} up to and including {@code seq} (the observer's incremental catch-up). */
    public ReplayedState advance(ReplayedState from, long seq) {
        if (seq <= from.seq()) {
            return from;
        }
        ReplayedState to = fold(from, seq);
        if (to.seq() != seq) {
            throw new IllegalStateException("the log ended at seq " + to.seq() + " before seq " + seq);
        }
        return to;
    }

    /** Folds the records after {@code from} up to and including {@code seq} or the log's end, whichever is first. */
    private ReplayedState fold(ReplayedState from, long seq) {
        StateFold state = from.state().fold();
        AuditRecord last = null;
        try (Stream<AuditRecord> records = log.readAfter(from.seq())) {
            Iterator<AuditRecord> it = records.iterator();
            while ((last == null ? from.seq() : last.seq()) < seq && it.hasNext()) {
                last = it.next();
                state.apply(last.event());
            }
        }
        ChainHead head = last == null ? from.head() : new ChainHead(last.seq(), last.hash());
        return new ReplayedState(head, state.state(), from.fromSnapshotSeq());
    }

    /**
     * The newest usable snapshot at or below {@code seq}: only the snapshots from the newest down to the one used are
     * read; the full listing, which reads and checks every snapshot, is asked for only to explain one that is not
     * intact.
     */
    private ReplayedState startingPoint(long seq, Consumer<Skipped> skipped) {
        Map<Long, String> problems = null;
        for (long candidate : snapshots.seqs()) {
            if (candidate > seq || candidate < 1) {
                continue;
            }
            Optional<Snapshot> loaded = snapshots.load(candidate);
            if (loaded.isEmpty()) {
                if (problems == null) {
                    problems = problems();
                }
                skipped.accept(new Skipped(candidate, "snapshot at seq " + candidate + " skipped: "
                        + problems.getOrDefault(candidate, "it could not be loaded intact")));
                continue;
            }
            Optional<ReplayedState> usable = usable(loaded.get(), skipped);
            if (usable.isPresent()) {
                return usable.get();
            }
        }
        return ReplayedState.GENESIS;
    }

    private Map<Long, String> problems() {
        Map<Long, String> problems = new TreeMap<>();
        for (SnapshotInfo info : snapshots.list()) {
            info.problem().ifPresent(problem -> problems.put(info.seq(), problem));
        }
        return problems;
    }

    private Optional<ReplayedState> usable(Snapshot snapshot, Consumer<Skipped> skipped) {
        Optional<AuditRecord> record = log.read(snapshot.seq());
        if (record.isEmpty() || !record.get().hash().equals(snapshot.chainHash())) {
            skipped.accept(new Skipped(snapshot.seq(), "snapshot at seq " + snapshot.seq()
                    + " skipped: its chain hash does not match the log at that seq"));
            return Optional.empty();
        }
        try {
            RuntimeState state = SnapshotCodec.decode(snapshot);
            return Optional.of(new ReplayedState(new ChainHead(snapshot.seq(), snapshot.chainHash()), state, snapshot.seq()));
        } catch (RuntimeException e) {
            skipped.accept(new Skipped(snapshot.seq(), "snapshot at seq " + snapshot.seq() + " skipped: "
                    + e.getMessage()));
            return Optional.empty();
        }
    }
}
