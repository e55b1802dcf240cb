package dev.paperplane.bootstrap.store;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreException;
import dev.paperplane.adapters.persistence.FileStoreReader;
import dev.paperplane.adapters.persistence.FileStoreWriter;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import dev.paperplane.bootstrap.cli.UserError;
import java.io.PrintStream;
import java.nio.file.Path;

/** Opens a store by its location: the one place that knows which adapter serves which location. */
public final class Stores {

    private Stores() {
    }

    /**
     * The read side of a store.
     *
     * @param log       the audit log, read-only
     * @param snapshots the snapshots, read-only
     */
    public record Reading(AuditReadPort log, SnapshotLoadPort snapshots) {
    }

    /**
     * The single writer of a store, with its read side; closing releases the writer lock.
     *
     * @param read          the read side, opened after the writer's recovery
     * @param appender      appends to the audit log
     * @param snapshotStore stores snapshots
         */
    public record Writing(Reading read, AuditAppendPort appender, SnapshotStorePort snapshotStore)
            implements AutoCloseable {

        /** The audit log, read-only. */
        public AuditReadPort log() {
            return read.log();
        }

        /** The snapshots, read-only. */
        public SnapshotLoadPort snapshots() {
            return read.snapshots();
        }

        @Override
        public void close() {
            appender.close();
        }
    }

    /** Opens the read side of the store at {@code data}; nothing is created, written or locked. */
    public static Reading openReader(Path data) {
        try {
            FileStoreReader reader = FileStore.openReader(data);
            return new Reading(reader, reader);
        } catch (FileStoreException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * Opens the store at {@code data} for writing: takes its lock, quarantines a torn tail (reported on {@code err}),
     * and opens its read side after the recovery.
     */
    public static Writing openWriter(Path data, long segmentBytes, PrintStream err) {
        FileStoreWriter writer;
        try {
            writer = FileStore.openWriter(data, segmentBytes);
        } catch (FileStoreException e) {
            throw new UserError(e.getMessage());
        }
        writer.recovery().ifPresent(recovery -> err.println("paperplane: " + recovery.describe()));
        try {
            return new Writing(openReader(data), writer, writer);
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }
}
