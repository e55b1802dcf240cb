package dev.paperplane.adapters.persistence.postgres.testserver;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real recovery conflict on a hot standby, made deterministic. {@link #arm} leaves a transaction on the primary
 * that deleted rows open, and another holding an ACCESS EXCLUSIVE lock on a table, both replayed: the standby's
 * replay now holds that lock. A query on the standby that reads the table takes its snapshot (which must still see the
 * deleted rows) and waits for the lock ({@link #awaitWaiting}), unless the standby cancels it for that lock at once.
 * {@link #fire} commits the delete and vacuums the rows
 * away on the primary; replaying the removal conflicts with the waiting query's snapshot, and a standby with
 * {@code max_standby_streaming_delay = 0} cancels it at once (SQLSTATE 40001, "canceling statement due to conflict
 * with recovery"). {@link #close} releases the lock and waits for its replay. Nothing here waits for a guessed time.
 */
public final class RecoveryConflict implements AutoCloseable {
    private final StandbyPair pair;
    private final String churn;
    private final Connection deleter;
    private final Connection locker;

    private RecoveryConflict(StandbyPair pair, String churn, Connection deleter, Connection locker) {
        this.pair = pair;
        this.churn = churn;
        this.deleter = deleter;
        this.locker = locker;
    }

    /**
     * Sets the conflict up around {@code table} ({@code "schema".name}) of the primary; {@code name} names the table
     * of rows to delete ({@code public.<name>_churn}).
     */
    public static RecoveryConflict arm(StandbyPair pair, String table, String name) {
        String churn = "public." + name + "_churn";
        pair.primary().query("CREATE TABLE " + churn + " WITH (autovacuum_enabled = off) AS "
                + "SELECT generate_series(1, 1000) AS n");
        Connection deleter = pair.primary().connect();
        Connection locker = pair.primary().connect();
        try (Statement delete = deleter.createStatement(); Statement lock = locker.createStatement()) {
            // the deleter's transaction id comes first, so the lock holder does not keep the deleted rows alive
            deleter.setAutoCommit(false);
            delete.execute("DELETE FROM " + churn);
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        } catch (SQLException e) {
            close(deleter);
            close(locker);
            throw new IllegalStateException("cannot arm a recovery conflict: " + e.getMessage(), e);
        }
        // a commit flushes the WAL before it, the delete's and the lock's records included
        pair.primary().query("SELECT txid_current()");
        pair.awaitReplay();
        return new RecoveryConflict(pair, churn, deleter, locker);
    }

    /**
     * Waits until a session of {@code applicationName} on the standby waits for the replayed lock, or until
     * {@code over} is true (the standby may cancel the waiting query for the lock conflict itself before this sees
     * it wait); returns whether it saw the session wait.
     */
    public boolean awaitWaiting(String applicationName, BooleanSupplier over) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!"1".equals(pair.standby().query("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                + applicationName + "' AND wait_event_type = 'Lock'"))) {
            if (over.getAsBoolean()) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no session of " + applicationName + " waited for the lock within a "
                        + "minute; the standby's client sessions: " + pair.standby().query("SELECT string_agg("
                        + "application_name || ' ' || coalesce(state, '-') || ' ' || coalesce(wait_event_type, '-') "
                        + "|| ' ' || left(query, 80), '; ') FROM pg_stat_activity WHERE backend_type = 'client backend'"));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return true;
    }

    /** Commits the delete and vacuums the deleted rows away on the primary: the standby cancels the waiting query. */
    public void fire() {
        try {
            deleter.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        pair.primary().query("VACUUM " + churn);
    }

    /** Releases the lock and waits until the standby replayed its release. */
    @Override
    public void close() {
        try {
            locker.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            close(locker);
            close(deleter);
        }
        pair.awaitReplay();
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // a test connection; the server ends its session either way
        }
    }
}
