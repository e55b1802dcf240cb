package dev.paperplane.bootstrap.store;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreException;
import dev.paperplane.adapters.persistence.FileStoreReader;
import dev.paperplane.adapters.persistence.FileStoreWriter;
import dev.paperplane.adapters.persistence.postgres.PostgresStore;
import dev.paperplane.adapters.persistence.postgres.PostgresStoreException;
import dev.paperplane.adapters.persistence.postgres.PostgresStoreReader;
import dev.paperplane.adapters.persistence.postgres.PostgresStoreWriter;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import dev.paperplane.application.snapshot.store.SnapshotWriteException;
import dev.paperplane.bootstrap.cli.UserError;
import java.util.OptionalLong;

/**
 * Opens a store by its location: the one place that knows which adapter serves which {@link Store}. Both
 * adapters are opened into the same shapes, and a failure to open either is a one-line {@link UserError}.
 */
public final class Stores {
    /** A torn tail recovered at writer start is a log event of this logger. */
    private static final System.Logger LOG = System.getLogger("paperplane.store");

    private Stores() {
    }

    /**
     * The read side of a store; close it to release what it holds (a PostgreSQL reader's connection).
     *
     * @param log       the audit log, read-only
     * @param snapshots the snapshots, read-only
     * @param release   what {@link #close()} does
     */
    public record Reading(AuditReadPort log, SnapshotLoadPort snapshots, Runnable release) implements AutoCloseable {

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
     * @param openSegmentSize for a data directory, the bytes of its last segment when the writer opened (after
     *                        any torn tail was cut; 0 with no segment yet); empty for PostgreSQL, which has none
     */
    public record Writing(Reading read, AuditAppendPort appender, SnapshotStorePort snapshotStore,
                          OptionalLong openSegmentSize) implements AutoCloseable {

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
            try {
                appender.close();
            } finally {
                read.close();
            }
        }
    }

    /** Opens the read side of {@code store}; nothing is created, written or locked. */
    public static Reading openReader(Store store) {
        try {
            return switch (store) {
                case Store.Directory d -> {
                    FileStoreReader reader = FileStore.openReader(d.dir());
                    yield new Reading(reader, reader, () -> { });
                }
                case Store.Postgres p -> {
                    PostgresStoreReader reader = PostgresStore.openReader(p.target());
                    yield new Reading(reader, reader, reader::close);
                }
            };
        } catch (FileStoreException | PostgresStoreException e) {
            throw failure(store, e);
        }
    }

    /**
     * Opens {@code store} for writing: takes its lock, creates it on first use, recovers a torn tail of a data
     * directory (a warning of the {@code paperplane.store} logger; {@code segmentBytes} is its segment size), and
     * opens its read side after the recovery.
     */
    public static Writing openWriter(Store store, long segmentBytes) {
        AuditAppendPort appender;
        SnapshotStorePort snapshotStore;
        OptionalLong segmentSize;
        try {
            switch (store) {
                case Store.Directory d -> {
                    FileStoreWriter writer = FileStore.openWriter(d.dir(), segmentBytes);
                    writer.recovery().ifPresent(recovery -> LOG.log(System.Logger.Level.WARNING, recovery.describe()));
                    appender = writer;
                    snapshotStore = writer;
                    segmentSize = OptionalLong.of(writer.segmentSize());
                }
                case Store.Postgres p -> {
                    PostgresStoreWriter writer = PostgresStore.openWriter(p.target());
                    appender = writer;
                    snapshotStore = writer;
                    segmentSize = OptionalLong.empty();
                }
            }
        } catch (FileStoreException | PostgresStoreException e) {
            throw failure(store, e);
        }
        try {
            return new Writing(openReader(store), appender, snapshotStore, segmentSize);
        } catch (RuntimeException e) {
            appender.close();
            throw e;
        }
    }

    /** A failure to open {@code store}, saying where a password comes from when the server wanted one and got none. */
    private static UserError failure(Store store, RuntimeException e) {
        boolean noPassword = store instanceof Store.Postgres p && p.target().password().isEmpty()
                && e.getMessage().contains("password");
        return new UserError(e.getMessage() + (noPassword ? " (no password was found: give it in a file with "
                + "--store-password-file, in PGPASSWORD or in ~/.pgpass)" : ""));
    }

    /**
     * {@code failure} as a one-line {@link UserError} when it is a store's failure to open, read or take a snapshot
     * (the server went away, a query failed, the disk is full), else {@code failure} itself: for commands to rethrow
     * what they catch.
     */
    public static RuntimeException userError(RuntimeException failure) {
        if (failure instanceof PostgresStoreException || failure instanceof FileStoreException
                || failure instanceof SnapshotWriteException) {
            return new UserError(failure.getMessage());
        }
        return failure;
    }
}
