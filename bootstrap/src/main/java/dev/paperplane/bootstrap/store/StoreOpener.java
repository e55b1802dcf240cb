package dev.paperplane.bootstrap.store;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreException;
import dev.paperplane.adapters.persistence.FileStoreReader;
import dev.paperplane.adapters.persistence.FileStoreWriter;
import dev.paperplane.adapters.persistence.postgres.PostgresStore;
import dev.paperplane.adapters.persistence.postgres.PostgresStoreException;
import dev.paperplane.adapters.persistence.postgres.PostgresStoreReader;
import dev.paperplane.adapters.persistence.postgres.PostgresStoreWriter;
import dev.paperplane.application.audit.ReadCancelledException;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import dev.paperplane.application.snapshot.store.SnapshotWriteException;
import dev.paperplane.bootstrap.cli.UserError;

/**
 * Opens a {@link StoreTarget}: the one place that knows which adapter serves which target. Both adapters are opened
 * into the same shapes ({@link OpenedStore}), and a failure to open either is a one-line {@link UserError}.
 */
public final class StoreOpener {
    /** A torn tail recovered at writer start is a log event of this logger. */
    private static final System.Logger LOG = System.getLogger("paperplane.store");

    private StoreOpener() {
    }

    /** Opens the read side of {@code store}; nothing is created, written or locked. */
    public static OpenedStore.Reading openReader(StoreTarget store) {
        try {
            return switch (store) {
                case StoreTarget.Directory d -> {
                    FileStoreReader reader = FileStore.openReader(d.dir());
                    yield new OpenedStore.Reading(reader, reader, () -> { });
                }
                case StoreTarget.Postgres p -> {
                    PostgresStoreReader reader = PostgresStore.openReader(p.target());
                    yield new OpenedStore.Reading(reader, reader, reader::close);
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
    public static OpenedStore.Writing openWriter(StoreTarget store, long segmentBytes) {
        AuditAppendPort appender;
        SnapshotStorePort snapshotStore;
        try {
            switch (store) {
                case StoreTarget.Directory d -> {
                    FileStoreWriter writer = FileStore.openWriter(d.dir(), segmentBytes);
                    writer.recovery().ifPresent(recovery -> LOG.log(System.Logger.Level.WARNING, recovery.describe()));
                    appender = writer;
                    snapshotStore = writer;
                }
                case StoreTarget.Postgres p -> {
                    PostgresStoreWriter writer = PostgresStore.openWriter(p.target());
                    appender = writer;
                    snapshotStore = writer;
                }
            }
        } catch (FileStoreException | PostgresStoreException e) {
            throw failure(store, e);
        }
        try {
            return new OpenedStore.Writing(openReader(store), appender, snapshotStore);
        } catch (RuntimeException e) {
            appender.close();
            throw e;
        }
    }

    /** A failure to open {@code store}, saying where a password comes from when the server wanted one and got none. */
    private static UserError failure(StoreTarget store, RuntimeException e) {
        boolean noPassword = store instanceof StoreTarget.Postgres p && p.target().password().isEmpty()
                && e.getMessage().contains("password");
        return new UserError(e.getMessage() + (noPassword ? " (no password was found: give it in a file with "
                + "--store-password-file, in PGPASSWORD or in ~/.pgpass)" : ""));
    }

    /**
     * {@code failure} as a one-line {@link UserError} when it is a store's failure to open, read or take a snapshot
     * (the server went away, a query failed, a hot standby cancelled a read, the disk is full), else {@code failure} itself: for commands to rethrow
     * what they catch.
     */
    public static RuntimeException userError(RuntimeException failure) {
        if (failure instanceof PostgresStoreException || failure instanceof FileStoreException
                || failure instanceof SnapshotWriteException || failure instanceof ReadCancelledException) {
            return new UserError(failure.getMessage());
        }
        return failure;
    }
}
