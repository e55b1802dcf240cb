package dev.paperplane.adapters.persistence.postgres;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which PostgreSQL store to open: a JDBC URL naming the server and database, the user and password to log in
 * with, and the schema holding the store's tables.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/database}
 * @param user     the role to log in as
 * @param password its password, or null when the server needs none (trust, or a client certificate)
 * @param schema   the schema of the store's tables: lowercase letters, digits and {@code _}, not starting with a
 *                 digit, at most 63 characters
 */
public record PostgresTarget(String jdbcUrl, String user, String password, String schema) {
    /** The schema a store uses unless told otherwise. */
    public static final String DEFAULT_SCHEMA = "paperplane";

    private static final String JDBC_PREFIX = "jdbc:postgresql://";
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgresTarget {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(schema, "schema");
        if (!jdbcUrl.startsWith(JDBC_PREFIX) || jdbcUrl.length() == JDBC_PREFIX.length()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: '" + location(jdbcUrl)
                    + "' (expected jdbc:postgresql://host:port/database)");
        }
        if (user.isEmpty()) {
            throw new IllegalArgumentException("no user given for " + location(jdbcUrl));
        }
        if (!SCHEMA.matcher(schema).matches() || schema.startsWith("pg_")) {
            throw new IllegalArgumentException("schema '" + schema + "' is not a plain schema name: use lowercase "
                    + "letters, digits and _, not starting with a digit or pg_, at most 63 characters");
        }
    }

    /** The store in the default schema. */
    public PostgresTarget(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, DEFAULT_SCHEMA);
    }

    /**
     * The store as people name it, {@code postgresql://user@host:port/database?schema=…}: never the password,
     * nor any parameter of the JDBC URL (which could hold one).
     */
    public String location() {
        String server = location(jdbcUrl);
        return "postgresql://" + user + "@" + server.substring("postgresql://".length()) + "?schema=" + schema;
    }

    private static String location(String jdbcUrl) {
        String url = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring("jdbc:".length()) : jdbcUrl;
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** The location; never the password. */
    @Override
    public String toString() {
        return location();
    }
}
