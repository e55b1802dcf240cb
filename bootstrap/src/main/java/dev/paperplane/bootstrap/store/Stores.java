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

    /** The read side of a store. */
    public interface Reading {
        /** The audit log, read-only. */
        AuditReadPort log();

        /** The snapshots, read-only. */
        SnapshotLoadPort snapshots();
    }

    /** The single writer of a store, with its read side; closing releases the writer lock. */
    public interface Writing extends Reading, AutoCloseable {
        /** Appends to the audit log. */
        AuditAppendPort appender();

        /** Stores snapshots. */
        SnapshotStorePort snapshotStore();

        @Override
        void close();
    }

    /** Opens the read side of the store at {@code data}; nothing is created, written or locked. */
    public static Reading openReader(Path data) {
        try {
            FileStoreReader reader = FileStore.openReader(data);
            return new Reading() {
                @Override
                public AuditReadPort log() {
                    return reader;
                }

                @Override
                public SnapshotLoadPort snapshots() {
                    return reader;
                }
            };
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
        FileStoreReader reader;
        try {
            reader = FileStore.openReader(data);
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
        return new Writing() {
            @Override
            public AuditReadPort log() {
                return reader;
            }

            @Override
            public SnapshotLoadPort snapshots() {
                return reader;
            }

            @Override
            public AuditAppendPort appender() {
                return writer;
            }

            @Override
            public SnapshotStorePort snapshotStore() {
                return writer;
            }

            @Override
            public void close() {
                writer.close();
            }
        };
    }
}
