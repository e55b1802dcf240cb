package dev.paperplane.adapters.persistence.postgres.testserver;

import dev.paperplane.adapters.persistence.postgres.PostgresTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL server the tests run against, one per test JVM: the server named by
 * {@value #URL_VARIABLE} ({@code postgresql://user[:password]@host:port/database}, password else from
 * {@code PGPASSWORD}; the user must be a superuser) when it is set; otherwise a throwaway cluster started from the
 * installed server binaries ({@code /usr/lib/postgresql/<version>/bin}) on a free loopback port, run as the
 * {@code postgres} user when the tests run as root, and stopped and deleted when the JVM exits. Each test gets a
 * fresh schema. Without either, tests are skipped, except under {@code CI=true}, where that is a failure.
 *
 * <p>Public, in a package of its own, so that other modules' tests (bootstrap's) reuse it from this module's
 * test-jar. On the throwaway cluster every role logs in without a password, except members of
 * {@value #PASSWORD_LOGIN_GROUP}, which must give theirs: tests that prove a password reaches the server use one.
 */
public final class PostgresServer {
    /** Members of this role (create it with {@code CREATE ROLE ... IN ROLE}) must log in with a password. */
    public static final String PASSWORD_LOGIN_GROUP = "paperplane_password_login";
    static final String URL_VARIABLE = "PAPERPLANE_TEST_POSTGRES_URL";
    private static final String HOW_TO_ENABLE = "PostgreSQL tests need a server: set " + URL_VARIABLE
            + "=postgresql://user:password@host:port/database (a superuser) or install the server binaries "
            + "(Debian: apt-get install postgresql)";

    private static PostgresServer shared;
    private static RuntimeException startFailure;
    private static String unavailable;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final List<String> schemas = new ArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();

    private PostgresServer(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** The server of this JVM, started on first use; skips (or, under CI, fails) the test when there is none. */
    public static synchronized PostgresServer shared() {
        if (shared == null && startFailure == null && unavailable == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                startFailure = e;
            }
        }
        if (startFailure != null) {
            throw new IllegalStateException("the test PostgreSQL server did not start: " + startFailure.getMessage(),
                    startFailure);
        }
        if (unavailable != null) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true but " + unavailable + ". " + HOW_TO_ENABLE);
            }
            Assumptions.abort(HOW_TO_ENABLE);
        }
        return shared;
    }

    /** A store in a schema no test used before (created by the first writer). */
    public synchronized PostgresTarget freshStore() {
        String schema = "pp_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
        schemas.add(schema);
        return new PostgresTarget(jdbcUrl, user, password, schema);
    }

    /** A new superuser connection in autocommit mode: the test's hands on the database behind the store. */
    public Connection admin() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "paperplane test admin");
        try {
            return new org.postgresql.Driver().connect(jdbcUrl, properties);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the test server " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** Runs statements as the superuser, each on its own in autocommit mode. */
    public void sql(String... statements) {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    private static PostgresServer start() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return external(url.strip());
        }
        Path initdb = installedInitdb();
        if (initdb == null) {
            unavailable = URL_VARIABLE + " is not set and no /usr/lib/postgresql/*/bin/initdb is installed";
            return null;
        }
        boolean root = uid() == 0;
        if (root && run(List.of("id", "-u", "postgres"), null, null) != 0) {
            unavailable = "the tests run as root and there is no postgres user to run the server as";
            return null;
        }
        return Cluster.start(initdb.getParent(), root);
    }

    private static PostgresServer external(String url) {
        URI uri = URI.create(url.replaceFirst("^postgres(ql)?://", "postgresql://"));
        if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() == null
                || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException(URL_VARIABLE + " must look like postgresql://user:password@host:port/"
                    + "database");
        }
        String[] userInfo = uri.getUserInfo().split(":", 2);
        String password = userInfo.length > 1 ? userInfo[1] : System.getenv("PGPASSWORD");
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        PostgresServer server = new PostgresServer("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath(),
                userInfo[0], password);
        Runtime.getRuntime().addShutdownHook(new Thread(server::dropSchemas, "drop test schemas"));
        return server;
    }

    private synchronized void dropSchemas() {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            for (String schema : schemas) {
                statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
            }
        } catch (SQLException | RuntimeException e) {
            System.err.println("could not drop the test schemas " + schemas + ": " + e.getMessage());
        }
    }

    private static Path installedInitdb() {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin/initdb")).filter(Files::isExecutable)
                    .max(Comparator.comparingInt(PostgresServer::majorVersion)).orElse(null);
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

    /** A throwaway cluster in a temporary directory. */
    private static final class Cluster {
        private final Path bin;
        private final boolean asPostgres;
        private final Path dir;
        private final Path data;
        private final Path log;

        private Cluster(Path bin, boolean asPostgres, Path dir) {
            this.bin = bin;
            this.asPostgres = asPostgres;
            this.dir = dir;
            this.data = dir.resolve("data");
            this.log = dir.resolve("server.log");
        }

        static PostgresServer start(Path bin, boolean asPostgres) {
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
                throw new UncheckedIOException("cannot create a directory for the test cluster: " + e, e);
            }
            Cluster cluster = new Cluster(bin, asPostgres, dir);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::destroy, "stop test PostgreSQL"));
            return cluster.boot();
        }

        private PostgresServer boot() {
            cmd("initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "-N");
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                try {
                    // fsync off: the tests kill processes, never the machine, so what was written survives anyway
                    Files.writeString(data.resolve("postgresql.conf"), "\n# paperplane tests\n"
                                    + "listen_addresses = '127.0.0.1'\nport = " + port + "\n"
                                    + "unix_socket_directories = '" + dir + "'\nfsync = off\n"
                                    + "max_connections = 200\nmax_parallel_workers_per_gather = 0\n",
                            StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    Path hba = data.resolve("pg_hba.conf");
                    if (attempt == 1) {
                        // the first line that matches decides: these roles never get the "trust" of the lines below
                        Files.writeString(hba, "host all +" + PASSWORD_LOGIN_GROUP + " 127.0.0.1/32 scram-sha-256\n"
                                + Files.readString(hba, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                try {
                    cmd("pg_ctl", "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60", "start");
                    return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
                } catch (IllegalStateException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                }
            }
        }

        private void cmd(String program, String... args) {
            List<String> command = new ArrayList<>();
            if (asPostgres) {
                command.addAll(List.of("runuser", "-u", "postgres", "--"));
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

        private void destroy() {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    cmd("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
                } catch (RuntimeException e) {
                    System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
                }
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                System.err.println("could not delete the test PostgreSQL in " + dir + ": " + e.getMessage());
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
