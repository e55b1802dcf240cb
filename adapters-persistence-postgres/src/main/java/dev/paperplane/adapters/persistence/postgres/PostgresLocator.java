package dev.paperplane.adapters.persistence.postgres;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A store named the way people write it: {@code postgresql://user@host[:port]/database[?schema=name]}
 * ({@code postgres://} too). It never carries a password: that comes from {@code PGPASSWORD}, {@code ~/.pgpass}
 * or a password file, so a locator can be shown, logged and put in a configuration file.
 *
 * @param user     the role to log in as
 * @param host     host name or address ({@code [..]} around an IPv6 address)
 * @param port     TCP port, 5432 unless given
 * @param database database name
 * @param schema   schema of the store, {@value PostgresTarget#DEFAULT_SCHEMA} unless given
 */
public record PostgresLocator(String user, String host, int port, String database, String schema) {
    /** The port PostgreSQL listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 5432;

    public PostgresLocator {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(schema, "schema");
    }

    /** Whether {@code text} is meant as a PostgreSQL locator (by its scheme), well-formed or not. */
    public static boolean isLocator(String text) {
        return text.startsWith("postgresql://") || text.startsWith("postgres://");
    }

    /**
     * Parses a locator.
     *
     * @throws IllegalArgumentException saying what is wrong and what the form is, when {@code text} is not one
     */
    public static PostgresLocator parse(String text) {
        String rest;
        if (text.startsWith("postgresql://")) {
            rest = text.substring("postgresql://".length());
        } else if (text.startsWith("postgres://")) {
            rest = text.substring("postgres://".length());
        } else {
            throw invalid(text, "it does not start with postgresql://");
        }
        String schema = PostgresTarget.DEFAULT_SCHEMA;
        int query = rest.indexOf('?');
        if (query >= 0) {
            schema = schemaParameter(text, rest.substring(query + 1));
            rest = rest.substring(0, query);
        }
        int at = rest.lastIndexOf('@');
        if (at <= 0) {
            throw invalid(text, "it names no user (user@host)");
        }
        String userInfo = rest.substring(0, at);
        if (userInfo.contains(":")) {
            throw invalid(text, "it carries a password; passwords come from PGPASSWORD, ~/.pgpass or a password "
                    + "file, never from the locator");
        }
        String user = decode(text, userInfo);
        rest = rest.substring(at + 1);
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw invalid(text, "it names no database (host:port/database)");
        }
        String database = decode(text, rest.substring(slash + 1));
        String hostPort = rest.substring(0, slash);
        String host;
        int port = DEFAULT_PORT;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw invalid(text, "an IPv6 address in [ ] is not closed");
            }
            host = hostPort.substring(0, close + 1);
            if (close + 1 < hostPort.length()) {
                if (hostPort.charAt(close + 1) != ':') {
                    throw invalid(text, "unexpected characters after the IPv6 address");
                }
                portText = hostPort.substring(close + 2);
            }
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (host.isEmpty() || host.contains(",")) {
            throw invalid(text, host.isEmpty() ? "it names no host" : "it names several hosts; name one");
        }
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw invalid(text, "the port '" + portText + "' is not a number from 1 to 65535");
            }
        }
        try {
            new PostgresTarget("jdbc:postgresql://x/y", user, null, schema);
        } catch (IllegalArgumentException e) {
            throw invalid(text, e.getMessage());
        }
        return new PostgresLocator(user, host, port, database, schema);
    }

    private static String schemaParameter(String text, String query) {
        String schema = null;
        for (String parameter : query.split("&", -1)) {
            if (parameter.startsWith("schema=") && schema == null) {
                schema = parameter.substring("schema=".length());
            } else if (parameter.startsWith("password=")) {
                throw invalid(text, "it carries a password; passwords come from PGPASSWORD, ~/.pgpass or a password "
                        + "file, never from the locator");
            } else {
                throw invalid(text, "'" + parameter + "' is not a parameter it takes (only ?schema=name, once)");
            }
        }
        return schema;
    }

    private static String decode(String text, String part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length() || Character.digit(part.charAt(i + 1), 16) < 0
                        || Character.digit(part.charAt(i + 2), 16) < 0) {
                    throw invalid(text, "a % is not followed by two hex digits");
                }
                out.write(Character.digit(part.charAt(i + 1), 16) << 4 | Character.digit(part.charAt(i + 2), 16));
                i += 2;
            } else if (c == '/' || c == '@') {
                throw invalid(text, "'" + c + "' must be written %" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                        + " inside a user or database name");
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        String decoded = out.toString(StandardCharsets.UTF_8);
        if (decoded.isEmpty()) {
            throw invalid(text, "a user or database name is empty");
        }
        return decoded;
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("'" + text + "' is not a PostgreSQL store locator: " + reason
                + ". Write postgresql://user@host:port/database?schema=name");
    }

    /** The JDBC URL of the database, {@code jdbc:postgresql://host:port/database}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** The store, logging in with {@code password} (null for none). */
    public PostgresTarget target(String password) {
        return new PostgresTarget(jdbcUrl(), user, password, schema);
    }

    /** The locator in its canonical form: port and schema always written. */
    @Override
    public String toString() {
        return "postgresql://" + encode(user) + "@" + host + ":" + port + "/" + encode(database) + "?schema=" + schema;
    }

    private static String encode(String name) {
        return name.replace("%", "%25").replace("@", "%40").replace("/", "%2F").replace(":", "%3A");
    }
}
