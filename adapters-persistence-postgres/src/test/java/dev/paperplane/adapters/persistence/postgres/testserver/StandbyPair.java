package dev.paperplane.adapters.persistence.postgres.testserver;

import dev.paperplane.adapters.persistence.postgres.PostgresTarget;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway primary and its hot standby for one test class, each on a loopback port of its own: the standby
 * streams the primary's WAL (made with {@code pg_basebackup -R}). Needs the installed server binaries; skips the
 * test without them, except under {@code CI=true}, where that is a failure. Close it to stop and delete both.
 */
public final class StandbyPair implements AutoCloseable {
    private final ThrowawayCluster primary;
    private final ThrowawayCluster standby;

    private StandbyPair(ThrowawayCluster primary, ThrowawayCluster standby) {
        this.primary = primary;
        this.standby = standby;
    }

    /** Starts a primary and a hot standby of it, {@code standbySettings} added to the standby's postgresql.conf. */
    public static StandbyPair start(String... standbySettings) {
        ThrowawayCluster.unavailable().ifPresent(why -> {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true but a primary and a standby cannot be started: " + why);
            }
            Assumptions.abort("a primary and a standby need the PostgreSQL server binaries: " + why);
        });
        ThrowawayCluster primary = ThrowawayCluster.start(false, null);
        try {
            return new StandbyPair(primary, primary.startStandby(standbySettings));
        } catch (RuntimeException e) {
            primary.stop();
            throw e;
        }
    }

    public ThrowawayCluster primary() {
        return primary;
    }

    public ThrowawayCluster standby() {
        return standby;
    }

    /** The store in {@code schema} on the primary, as its superuser. */
    public PostgresTarget onPrimary(String schema) {
        return new PostgresTarget(primary.jdbcUrl(), primary.user(), null, schema);
    }

    /** The store in {@code schema} on the standby, as its superuser. */
    public PostgresTarget onStandby(String schema) {
        return new PostgresTarget(standby.jdbcUrl(), standby.user(), null, schema);
    }

    /** Waits until the standby replayed all the primary wrote so far. */
    public void awaitReplay() {
        standby.awaitReplayOf(primary);
    }

    /** Stops the standby, then the primary, and deletes both. */
    @Override
    public void close() {
        standby.stop();
        primary.stop();
    }
}
