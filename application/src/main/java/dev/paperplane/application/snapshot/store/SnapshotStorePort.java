package dev.paperplane.application.snapshot.store;

import dev.paperplane.application.snapshot.Snapshot;

/** Stores snapshots atomically: a reader sees a whole snapshot or none. */
public interface SnapshotStorePort {

    /**
     * Stores one snapshot durably and atomically, replacing nothing.
     *
     * @throws SnapshotWriteException when the store could not take it; nothing of it is left behind
     */
    void store(Snapshot snapshot);
}
