package dev.paperplane.bench;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.postgres.PostgresTarget;
import dev.paperplane.adapters.persistence.postgres.testserver.ThrowawayCluster;
import dev.paperplane.application.copy.CopyAuditTrail;
import dev.paperplane.bootstrap.command.CopyCommand;
import dev.paperplane.bootstrap.progress.ProgressReporter;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A bench log on a throwaway PostgreSQL primary and on a real hot standby of it, for the observer group's primary
 * and standby rows: the log (with its snapshots) copied in with {@link CopyCommand#copy}, the code of
 * {@code paperplane copy}, then a standby made by {@link ThrowawayCluster#startStandby} ({@code pg_basebackup -R},
 * streaming from the primary from then on) and waited for until it replayed all the primary wrote. Close it to stop
 * and delete both; {@code hook} does that when the runner is stopped first.
 */
record StandbyStores(ThrowawayCluster primary, ThrowawayCluster standby, String schema, Thread hook)
        implements AutoCloseable {

    /**
     * The log of {@code data} on a new primary and its caught-up standby; empty, said in one line on {@code log},
     * when this machine cannot start PostgreSQL or the pair does not come up (the other rows run as before).
     */
    static Optional<StandbyStores> start(Datasets.Dataset data, PrintStream log) {
        Optional<String> unavailable = ThrowawayCluster.unavailable();
        if (unavailable.isPresent()) {
            log.println("bench: observers on a PostgreSQL primary and standby skipped: " + unavailable.get());
            return Optional.empty();
        }
        String schema = "bench_observer_" + data.nominal();
        ThrowawayCluster primary;
        try {
            // fsync off: the observers only read, and the copy is set-up, not a measurement
            primary = ThrowawayCluster.start(false, null);
        } catch (RuntimeException e) {
            log.println("bench: observers on a PostgreSQL primary and standby skipped: the primary did not start: "
                    + firstLine(e));
            return Optional.empty();
        }
        AtomicReference<ThrowawayCluster> standbyStarted = new AtomicReference<>();
        // Ctrl-C or an error: neither server outlives the runner (stop() of a stopped cluster does nothing)
        Thread hook = new Thread(() -> {
            Optional.ofNullable(standbyStarted.get()).ifPresent(ThrowawayCluster::stop);
            primary.stop();
        }, "stop the benchmark PostgreSQL primary and standby");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            log.printf("bench: copying the %,d-event log into PostgreSQL schema %s (paperplane copy)%n", data.events(),
                    schema);
            CopyAuditTrail.Result copied = CopyCommand.copy(new StoreTarget.Directory(data.full()),
                    new StoreTarget.Postgres(new PostgresTarget(primary.jdbcUrl(), primary.user(), null, schema)),
                    FileStore.DEFAULT_SEGMENT_BYTES, label -> ProgressReporter.start(label, "records", System.err));
            if (!copied.verification().ok()) {
                throw new IllegalStateException("the copy into " + schema + " does not verify: "
                        + copied.verification().findings());
            }
            log.println("bench: starting a hot standby of it (pg_basebackup -R) and waiting for its replay");
            ThrowawayCluster standby = primary.startStandby();
            standbyStarted.set(standby);
            standby.awaitReplayOf(primary);
            return Optional.of(new StandbyStores(primary, standby, schema, hook));
        } catch (RuntimeException e) {
            log.println("bench: observers on a PostgreSQL primary and standby skipped: " + firstLine(e));
            hook.run();
            Runtime.getRuntime().removeShutdownHook(hook);
            return Optional.empty();
        }
    }

    /** The locator {@code paperplane observe --store} takes for the log on the primary. */
    String primaryLocator() {
        return locator(primary);
    }

    /**
     * The locator {@code paperplane observe --store} takes for the log on the standby: its own port, and
     * {@code targetServerType=secondary}, so that the observer refuses to start should it not be a standby.
     */
    String standbyLocator() {
        return locator(standby) + "&targetServerType=secondary";
    }

    /** The server, for the notes. */
    String description() {
        return "PostgreSQL " + primary.query("SELECT current_setting('server_version')") + ", primary on port "
                + primary.port() + ", hot standby on port " + standby.port() + " (in recovery: "
                + standby.query("SELECT pg_is_in_recovery()") + "), schema " + schema;
    }

    private String locator(ThrowawayCluster server) {
        return "postgresql://" + server.user() + "@127.0.0.1:" + server.port() + "/postgres?schema=" + schema;
    }

    private static String firstLine(RuntimeException e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
    }

    /** Stops the standby, then the primary, and deletes both. */
    @Override
    public void close() {
        standby.stop();
        primary.stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }
}
