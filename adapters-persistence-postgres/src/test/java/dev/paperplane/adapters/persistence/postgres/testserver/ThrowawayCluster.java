package dev.paperplane.adapters.persistence.postgres.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster in a temporary directory, started from the installed server binaries
 * ({@code /usr/lib/postgresql/<version>/bin}, the newest) on a free loopback port, run as the {@code postgres} user
 * when this process runs as root; every role logs in without a password (trust), its superuser is {@code postgres}.
 * A cluster can be the primary of a hot standby ({@link #startStandby}), which it streams its WAL to and which can
 * be promoted ({@link #promote()}). Free of JUnit, so that the tests ({@link PostgresServer}) and the benchmarks
 * share it from this module's test-jar.
 */
public final class ThrowawayCluster {
    /** Where runuser is installed when the PATH does not name its directory. */
    static final List<Path> SBIN_RUNUSER = List.of(Path.of("/usr/sbin/runuser"), Path.of("/sbin/runuser"));
    private final Path bin;
    private final boolean asPostgres;
    private final Path dir;
    private final Path data;
    private final Path log;
    private String jdbcUrl;
    private int port;

    private ThrowawayCluster(Path bin, boolean asPostgres, Path dir) {
        this.bin = bin;
        this.asPostgres = asPostgres;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.log = dir.resolve("server.log");
    }

    /** Why no cluster can be started on this machine, or empty when one can. */
    public static Optional<String> unavailable() {
        if (installedInitdb() == null) {
            return Optional.of("no /usr/lib/postgresql/*/bin/initdb is installed");
        }
        if (uid() == 0 && run(List.of("id", "-u", "postgres"), null, null) != 0) {
            return Optional.of("this runs as root and there is no postgres user to run the server as");
        }
        if (uid() == 0 && runuser().isEmpty()) {
            return Optional.of("this runs as root and there is no runuser (on the PATH, " + SBIN_RUNUSER
                    + ") to run the server as postgres");
        }
        return Optional.empty();
    }

    /**
     * Starts a cluster; {@link #stop()} stops and deletes it.
     *
     * @param durable       whether commits are flushed to disk ({@code fsync}); off for tests, which kill
     *                      processes but never the machine, on for benchmarks that measure durable commits
     * @param passwordGroup members of this role (if it is created) must log in with a password (scram-sha-256),
     *                      or null for none
     * @throws IllegalStateException when it cannot be started ({@link #unavailable()} says why in advance)
     */
    public static ThrowawayCluster start(boolean durable, String passwordGroup) {
        ThrowawayCluster cluster = create();
        try {
            cluster.cmd("initdb", "-D", cluster.data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--locale=C", "-N");
            cluster.boot(durable, passwordGroup);
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
        return cluster;
    }

    /**
     * Starts a hot standby of this cluster: a base backup taken with {@code pg_basebackup -R} (so it streams this
     * cluster's WAL from then on), on a port of its own, read-only until {@link #promote()}d. Stop it before its
     * primary, or it keeps trying to reconnect; {@link #stop()} stops and deletes it.
     *
     * @param settings lines added to the standby's postgresql.conf, e.g. {@code max_standby_streaming_delay = 0}
     * @throws IllegalStateException when it cannot be started
     */
    public ThrowawayCluster startStandby(String... settings) {
        ThrowawayCluster standby = create();
        try {
            standby.cmd("pg_basebackup", "-D", standby.data.toString(), "-R", "-X", "stream", "-c", "fast",
                    "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", user());
            Files.writeString(standby.data.resolve("postgresql.conf"), "\n" + String.join("\n", settings) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            standby.boot(false, null);
        } catch (IOException e) {
            standby.stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            standby.stop();
            throw e;
        }
        return standby;
    }

    private static ThrowawayCluster create() {
        Path initdb = installedInitdb();
        if (initdb == null) {
            throw new IllegalStateException(unavailable().orElse("no initdb"));
        }
        boolean asPostgres = uid() == 0;
        Path dir;
        try {
            dir = Files.createTempDirectory("paperplane-pg-");
            if (asPostgres) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
                view.setOwner(users.lookupPrincipalByName("postgres"));
                GroupPrincipal group = users.lookupPrincipalByGroupName("postgres");
                view.setGroup(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for a throwaway cluster: " + e, e);
        }
        return new ThrowawayCluster(initdb.getParent(), asPostgres, dir);
    }

    /** Promotes this standby to a primary ({@code pg_ctl promote}); returns once it accepts writes. */
    public void promote() {
        cmd("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "promote");
    }

    /**
     * Waits until this standby has replayed everything {@code primary} had written when this was called: its
     * {@code pg_last_wal_replay_lsn()} reaches the primary's {@code pg_current_wal_lsn()}.
     *
     * @throws IllegalStateException when that takes more than a minute (replication is broken)
     */
    public void awaitReplayOf(ThrowawayCluster primary) {
        String target = primary.query("SELECT pg_current_wal_lsn()::text");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!"t".equals(query("SELECT pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the standby in " + dir + " did not replay up to " + target
                        + " within a minute:\n" + tail(log));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the standby's replay", e);
            }
        }
    }

    /** A new superuser connection to its {@code postgres} database, in autocommit mode. */
    public Connection connect() {
        Properties properties = new Properties();
        properties.setProperty("user", user());
        properties.setProperty("ApplicationName", "paperplane test admin");
        try {
            return new org.postgresql.Driver().connect(jdbcUrl, properties);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the throwaway cluster " + jdbcUrl + ": "
                    + e.getMessage(), e);
        }
    }

    /** Runs {@code sql} as the superuser: the first column of its first row as text, or null when it has none. */
    public String query(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return null;
            }
            try (ResultSet rows = statement.getResultSet()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** The loopback port it listens on. */
    public int port() {
        return port;
    }

    /** The JDBC URL of its {@code postgres} database. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Its superuser, who logs in without a password. */
    public String user() {
        return "postgres";
    }

    /** The directory holding the cluster and its log. */
    public Path directory() {
        return dir;
    }

    /** Configures a free port (a later line wins over what a base backup copied) and starts the server. */
    private void boot(boolean durable, String passwordGroup) {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            try {
                Files.writeString(data.resolve("postgresql.conf"), "\n# paperplane throwaway cluster\n"
                                + "listen_addresses = '127.0.0.1'\nport = " + port + "\n"
                                + "unix_socket_directories = '" + dir + "'\nfsync = " + (durable ? "on" : "off") + "\n"
                                + "max_connections = 200\nmax_parallel_workers_per_gather = 0\n",
                        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                Path hba = data.resolve("pg_hba.conf");
                if (attempt == 1 && passwordGroup != null) {
                    // the first line that matches decides: these roles never get the "trust" of the lines below
                    Files.writeString(hba, "host all +" + passwordGroup + " 127.0.0.1/32 scram-sha-256\n"
                            + Files.readString(hba, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                cmd("pg_ctl", "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60", "start");
                this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
                this.port = port;
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Stops the server, if it runs, and deletes its directory. */
    public synchronized void stop() {
        if (!Files.exists(dir)) {
            return;
        }
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                cmd("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            } catch (RuntimeException e) {
                System.err.println("could not stop the throwaway PostgreSQL in " + dir + ": " + e.getMessage());
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not delete the throwaway PostgreSQL in " + dir + ": " + e.getMessage());
        }
    }

    private void cmd(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            String runuser = runuser().map(Path::toString).orElseThrow(() -> new IllegalStateException(
                    unavailable().orElse("no runuser")));
            command.addAll(List.of(runuser, "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Path output = dir.resolve("commands.log");
        if (run(command, dir, output) != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + tail(output) + tail(log));
        }
    }

    private static String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())) + "\n";
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path installedInitdb() {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin/initdb")).filter(Files::isExecutable)
                    .max(Comparator.comparingInt(ThrowawayCluster::majorVersion)).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int majorVersion(Path initdb) {
        try {
            return Integer.parseInt(initdb.getParent().getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** runuser: on the PATH, or where distributions install it, since a PATH without the sbin directories is common. */
    private static Optional<Path> runuser() {
        return executable("runuser", System.getenv("PATH"), SBIN_RUNUSER);
    }

    /**
     * The first executable {@code name} in the directories of {@code path} (a PATH value, may be null), else the first
     * executable of {@code fallbacks}.
     */
    static Optional<Path> executable(String name, String path, List<Path> fallbacks) {
        List<Path> candidates = new ArrayList<>();
        if (path != null) {
            for (String directory : path.split(java.io.File.pathSeparator)) {
                if (!directory.isEmpty()) {
                    candidates.add(Path.of(directory, name));
                }
            }
        }
        candidates.addAll(fallbacks);
        return candidates.stream().filter(Files::isRegularFile).filter(Files::isExecutable).findFirst();
    }

    private static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : 1;
        }
    }

    /** Runs a command to its end, its output appended to {@code log} (or discarded); returns its exit code. */
    static int run(List<String> command, Path directory, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
