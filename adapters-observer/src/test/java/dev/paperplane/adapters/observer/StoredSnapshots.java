package dev.paperplane.adapters.observer;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.replay.Replay;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotCodec;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Snapshots for the observer's tests. The store's writer side is invisible to this module (its package is not
 * exported here), so snapshots are kept beside the log; a damaged one keeps its recorded checksum.
 */
final class StoredSnapshots implements SnapshotLoadPort {
    private final TreeMap<Long, Snapshot> snapshots = new TreeMap<>();
    private final TreeSet<Long> damaged = new TreeSet<>();

    void store(Snapshot snapshot) {
        snapshots.put(snapshot.seq(), snapshot);
    }

    /** The snapshot of {@code log}'s state at {@code seq}, replayed from genesis. */
    static Snapshot at(AuditReadPort log, long seq) {
        var state = new Replay(log, new StoredSnapshots(), w -> { }).to(seq);
        return SnapshotCodec.snapshot(seq, state.head().hash(), state.state());
    }

    void damage(long seq) {
        damaged.add(seq);
    }

    @Override
    public List<SnapshotInfo> list() {
        List<SnapshotInfo> infos = new ArrayList<>();
        for (Snapshot s : snapshots.descendingMap().values()) {
            Optional<String> problem = damaged.contains(s.seq())
                    ? Optional.of("checksum mismatch: the state bytes do not hash to the recorded checksum")
                    : Optional.empty();
            infos.add(new SnapshotInfo(s.seq(), s.chainHash(), s.schemaVersion(), s.checksum(), s.state().length,
                    problem));
        }
        return infos;
    }

    @Override
    public Optional<Snapshot> load(long seq) {
        return damaged.contains(seq) ? Optional.empty() : Optional.ofNullable(snapshots.get(seq));
    }
}
