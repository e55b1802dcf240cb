package dev.paperplane.bench;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreReader;
import dev.paperplane.adapters.persistence.postgres.PostgresStore;
import dev.paperplane.adapters.persistence.postgres.PostgresStoreException;
import dev.paperplane.adapters.persistence.postgres.PostgresStoreReader;
import dev.paperplane.adapters.persistence.postgres.PostgresTarget;
import dev.paperplane.adapters.persistence.postgres.testserver.ThrowawayCluster;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.copy.CopyAuditTrail;
import dev.paperplane.bootstrap.command.CopyCommand;
import dev.paperplane.bootstrap.progress.ProgressReporter;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.PrintStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server of the PostgreSQL cases: the one {@value #URL_VARIABLE} names
 * ({@code postgresql://user[:password]@host:port/database}, password else from {@code PGPASSWORD}; the user must
 * be allowed to create schemas), else a throwaway cluster from the installed server binaries, with fsync on, on a
 * free loopback port, removed when the runner exits. The runner prepares it once ({@link #prepare}): the replay
 * logs are copied from the file datasets with {@link CopyCommand#copy}, the code of {@code paperplane copy}, once
 * per size (on a named server they stay, and are reused while their head equals the file log's); the forks find it
 * through system properties.
 */
final class PostgresBench {
    /** Names the server to use instead of a throwaway cluster. */
    static final String URL_VARIABLE = "PAPERPLANE_BENCH_POSTGRES_URL";
    /** The PostgreSQL cases, as JMH names them. */
    static final List<String> CASES = List.of("dev.paperplane.bench.ReplayBenchmark.replayVerifiedPostgres",
            "dev.paperplane.bench.AppendBenchmark.appendPostgresPerBar");
    /** Excludes the PostgreSQL cases from a JMH run. */
    static final String EXCLUDE = "\\.(replayVerifiedPostgres|appendPostgresPerBar)$";
    private static final String JDBC_PROPERTY = "paperplane.bench.postgres.jdbc";
    private static final String USER_PROPERTY = "paperplane.bench.postgres.user";

    private PostgresBench() {
    }

    /**
     * What the runner prepared.
     *
     * @param forkArgs    the system properties the forks find the server by (no password: the forks inherit the
     *                    environment and read it there)
     * @param description the server, for the results header; empty when the PostgreSQL cases do not run
     */
    record Prepared(List<String> forkArgs, Optional<String> description) {
        static Prepared skipped() {
            return new Prepared(List.of(), Optional.empty());
        }
    }

    /** The server a fork was handed (JDBC URL, superuser or schema creator), or empty in the runner. */
    private record Server(String jdbcUrl, String user, String password) {
        PostgresTarget target(String schema) {
            return new PostgresTarget(jdbcUrl, user, password, schema);
        }
    }

    /**
     * When {@code includes} select a PostgreSQL case: finds or starts the server and copies the file logs of
     * {@code datasets} into it for the replay case; says in one line and returns {@link Prepared#skipped()} when
     * there is no server (the caller then excludes the cases).
     */
    static Prepared prepare(Collection<String> includes, Map<Integer, Datasets.Dataset> datasets, PrintStream log) {
        List<String> selected = CASES.stream().filter(c -> includes.stream().anyMatch(i -> Pattern.compile(i)
                .matcher(c).find())).toList();
        if (selected.isEmpty()) {
            return Prepared.skipped();
        }
        Server server;
        String description;
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            server = named(url.strip());
            description = server.jdbcUrl() + " (" + URL_VARIABLE + ")";
        } else {
            Optional<String> unavailable = ThrowawayCluster.unavailable();
            if (unavailable.isPresent()) {
                log.println("bench: PostgreSQL cases skipped: " + URL_VARIABLE + " is not set and "
                        + unavailable.get());
                return Prepared.skipped();
            }
            log.println("bench: starting a throwaway PostgreSQL cluster (fsync on) for the PostgreSQL cases");
            ThrowawayCluster cluster;
            try {
                cluster = ThrowawayCluster.start(true, null);
            } catch (RuntimeException e) {
                log.println("bench: PostgreSQL cases skipped: the throwaway cluster did not start: "
                        + e.getMessage().lines().findFirst().orElse(""));
                return Prepared.skipped();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "stop the benchmark PostgreSQL"));
            server = new Server(cluster.jdbcUrl(), cluster.user(), null);
            description = "throwaway cluster at " + cluster.jdbcUrl() + ", fsync on";
        }
        try (Connection connection = connect(server)) {
            description = "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion() + ", " + description;
            log.println("bench: " + description);
        } catch (SQLException e) {
            log.println("bench: PostgreSQL cases skipped: cannot connect to " + server.jdbcUrl() + ": "
                    + e.getMessage());
            return Prepared.skipped();
        }
        if (selected.contains(CASES.getFirst())) {
            for (Datasets.Dataset data : datasets.values()) {
                copyReplayLog(server, data, log);
            }
        }
        List<String> forkArgs = new ArrayList<>(List.of("-D" + JDBC_PROPERTY + "=" + server.jdbcUrl(),
                "-D" + USER_PROPERTY + "=" + server.user()));
        return new Prepared(forkArgs, Optional.of(description));
    }

    /** The schema holding the replay log of {@code size} events. */
    static String replaySchema(int size) {
        return "bench_replay_" + size;
    }

    /** In a fork: the store in {@code schema} of the server the runner prepared. */
    static PostgresTarget target(String schema) {
        return fromProperties().target(schema);
    }

    /** In a fork: drops {@code schema} and everything in it. */
    static void dropSchema(String schema) {
        dropSchema(fromProperties(), schema);
    }

    private static Server fromProperties() {
        String jdbc = System.getProperty(JDBC_PROPERTY);
        if (jdbc == null) {
            throw new IllegalStateException("no PostgreSQL server was prepared for this fork (" + JDBC_PROPERTY
                    + " is not set): run the PostgreSQL cases through ./paperplane bench");
        }
        String url = System.getenv(URL_VARIABLE);
        String password = url != null && !url.isBlank() ? named(url.strip()).password() : null;
        return new Server(jdbc, System.getProperty(USER_PROPERTY), password);
    }

    private static Server named(String url) {
        URI uri = URI.create(url.replaceFirst("^postgres(ql)?://", "postgresql://"));
        if (uri.getHost() == null || uri.getRawUserInfo() == null || uri.getPath() == null
                || uri.getPath().length() < 2) {
            throw new IllegalArgumentException(URL_VARIABLE + " must look like postgresql://user[:password]@host:port/"
                    + "database");
        }
        String[] userInfo = uri.getUserInfo().split(":", 2);
        String password = userInfo.length > 1 ? userInfo[1] : System.getenv("PGPASSWORD");
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        return new Server("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath(), userInfo[0], password);
    }

    /** Copies the file log without snapshots into its schema, unless that schema holds it already. */
    private static void copyReplayLog(Server server, Datasets.Dataset data, PrintStream log) {
        String schema = replaySchema(data.nominal());
        FileStoreReader files = FileStore.openReader(data.none());
        ChainHead fileHead = files.head();
        Optional<ChainHead> there = head(server.target(schema));
        if (there.isPresent() && there.get().equals(fileHead)) {
            log.printf("bench: PostgreSQL replay log of %,d events in schema %s (reused)%n", fileHead.seq(), schema);
            return;
        }
        dropSchema(server, schema);
        log.printf("bench: copying the log of %,d events into PostgreSQL schema %s (paperplane copy)%n",
                fileHead.seq(), schema);
        long started = System.nanoTime();
        CopyAuditTrail.Result result = CopyCommand.copy(new StoreTarget.Directory(data.none()), new StoreTarget.Postgres(server.target(schema)),
                FileStore.DEFAULT_SEGMENT_BYTES, label -> ProgressReporter.start(label, "records", System.err));
        if (!result.verification().ok() || !result.head().equals(fileHead)) {
            throw new IllegalStateException("the copy into " + schema + " does not verify: "
                    + result.verification().findings());
        }
        log.printf("bench: copied %,d records in %.1f s%n", result.recordsCopied(), (System.nanoTime() - started) / 1e9);
    }

    private static Optional<ChainHead> head(PostgresTarget target) {
        try (PostgresStoreReader reader = PostgresStore.openReader(target)) {
            return Optional.of(reader.head());
        } catch (PostgresStoreException e) {
            return Optional.empty();
        }
    }

    private static void dropSchema(Server server, String schema) {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the schema " + schema + " on " + server.jdbcUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Connection connect(Server server) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.user());
        if (server.password() != null) {
            properties.setProperty("password", server.password());
        }
        properties.setProperty("ApplicationName", "paperplane bench");
        return new org.postgresql.Driver().connect(server.jdbcUrl(), properties);
    }
}
