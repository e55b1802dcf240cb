package dev.paperplane.bootstrap.store;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;

/** A store {@link StoreOpener} opened, as the ports the use cases take; close it to release what it holds. */
public sealed interface OpenedStore extends AutoCloseable {

    /** The audit log, read-only. */
    AuditReadPort log();

    /** The snapshots, read-only. */
    SnapshotLoadPort snapshots();

    @Override
    void close();

    /**
     * The read side of a store; closing releases what it holds (a PostgreSQL reader's connection).
     *
     * @param log       the audit log, read-only
     * @param snapshots the snapshots, read-only
     * @param release   what {@link #close()} does
     */
    record Reading(AuditReadPort log, SnapshotLoadPort snapshots, Runnable release) implements OpenedStore {

        @Override
        public void close() {
            release.run();
        }
    }

    /**
     * The single writer of a store, with its read side; closing releases the writer lock and the read side.
     *
     * @param read            the read side, opened after the writer's recovery
     * @param appender        appends to the audit log
     * @param snapshotStore   stores snapshots
     */
    record Writing(Reading read, AuditAppendPort appender, SnapshotStorePort snapshotStore) implements OpenedStore {

        @Override
        public AuditReadPort log() {
            return read.log();
        }

        @Override
        public SnapshotLoadPort snapshots() {
            return read.snapshots();
        }

        @Override
        public void close() {
            try {
                appender.close();
            } finally {
                read.close();
            }
        }
    }
}
