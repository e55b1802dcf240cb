package dev.paperplane.application.snapshot;

import java.util.List;
import java.util.Optional;

/** Reads stored snapshots. Never writes. */
public interface SnapshotLoadPort {

    /** Every stored snapshot, newest (highest seq) first, with its problem if it is not intact. */
    List<SnapshotInfo> list();

    /**
     * The seqs of {@link #list()}, newest first, intact or not: where a replay may start. A store that can name its
     * snapshots without reading and checking each one overrides this, so that a start reads only the snapshot it
     * starts from however many are stored.
     */
    default List<Long> seqs() {
        return list().stream().map(SnapshotInfo::seq).toList();
    }

    /**
     * The snapshot at {@code seq} if one is stored and intact (checksum and schema verified);
     * empty when none is stored there or it is not intact.
     */
    Optional<Snapshot> load(long seq);
}
