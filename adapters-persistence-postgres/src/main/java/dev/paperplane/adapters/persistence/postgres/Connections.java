package dev.paperplane.adapters.persistence.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Opens connections with the PostgreSQL driver directly (no DriverManager), set up for the writer or a reader. */
final class Connections {
    /** The oldest server major version the store supports. */
    static final int MIN_SERVER_VERSION = 14;

    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private Connections() {
    }

    /** The writer's connection: synchronous commit on, explicit transactions. */
    static Connection writer(PostgresTarget target) {
        Connection connection = open(target, "paperplane writer");
        try (Statement setup = connection.createStatement()) {
            // a batch is acknowledged only once its commit is flushed (and replicated, where the server
            // replicates synchronously), whatever the server's or the role's default
            setup.execute("SET synchronous_commit = on");
            setup.execute("SET default_transaction_read_only = off");
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new PostgresStoreException("cannot set up the writer's connection to " + target.location() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A reader's connection: every statement runs in its own read-only transaction. */
    static Connection reader(PostgresTarget target) {
        Connection connection = open(target, "paperplane reader");
        try (Statement setup = connection.createStatement()) {
            setup.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new PostgresStoreException("cannot set up a reader's connection to " + target.location() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Connection open(PostgresTarget target, String applicationName) {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        // one multi-row INSERT per batch instead of one round trip per record
        properties.setProperty("reWriteBatchedInserts", "true");
        Connection connection;
        try {
            connection = DRIVER.connect(target.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw new PostgresStoreException("cannot connect to " + target.location() + ": " + e.getMessage()
                    + ". Check that the server runs and accepts this host, port, database, user and password", e);
        }
        if (connection == null) {
            throw new PostgresStoreException("the driver does not accept the URL of " + target.location());
        }
        try {
            int major = connection.getMetaData().getDatabaseMajorVersion();
            if (major < MIN_SERVER_VERSION) {
                closeQuietly(connection);
                throw new PostgresStoreException(target.location() + " runs PostgreSQL " + major + "; the store "
                        + "needs PostgreSQL " + MIN_SERVER_VERSION + " or newer");
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new PostgresStoreException("cannot read the server version of " + target.location() + ": "
                    + e.getMessage(), e);
        }
        return connection;
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the connection is gone either way; closing it ends its session and its locks on the server
        }
    }

    static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // nothing committed, and a broken connection rolls back on the server by itself
        }
    }
}
