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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster in a temporary directory, started from the installed server binaries
 * ({@code /usr/lib/postgresql/<version>/bin}, the newest) on a free loopback port, run as the {@code postgres} user
 * when this process runs as root; every role logs in without a password (trust), its superuser is {@code postgres}.
 * Free of JUnit, so that the tests ({@link PostgresServer}) and the benchmarks share it from this module's test-jar.
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
        ThrowawayCluster cluster = new ThrowawayCluster(initdb.getParent(), asPostgres, dir);
        try {
            cluster.boot(durable, passwordGroup);
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
        return cluster;
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

    private void boot(boolean durable, String passwordGroup) {
        cmd("initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "-N");
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
                jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
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
