package dev.paperplane.adapters.persistence.postgres.testserver;

import dev.paperplane.adapters.persistence.postgres.PostgresTarget;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL server the tests run against, one per test JVM: the server named by
 * {@value #URL_VARIABLE} ({@code postgresql://user[:password]@host:port/database}, password else from
 * {@code PGPASSWORD}; the user must be a superuser) when it is set; otherwise a throwaway cluster started from the
 * installed server binaries ({@link ThrowawayCluster}), stopped and deleted when the JVM exits. Each test gets a
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
        Optional<String> why = ThrowawayCluster.unavailable();
        if (why.isPresent()) {
            unavailable = URL_VARIABLE + " is not set and " + why.get();
            return null;
        }
        // fsync off: the tests kill processes, never the machine, so what was written survives anyway
        ThrowawayCluster cluster = ThrowawayCluster.start(false, PASSWORD_LOGIN_GROUP);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "stop test PostgreSQL"));
        return new PostgresServer(cluster.jdbcUrl(), cluster.user(), null);
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
}
