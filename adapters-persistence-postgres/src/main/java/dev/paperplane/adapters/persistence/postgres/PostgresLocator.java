package dev.paperplane.adapters.persistence.postgres;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A store named the way people write it: {@code postgresql://user@host[:port][,host[:port]…]/database
 * [?schema=name][&targetServerType=type]} ({@code postgres://} too). Several hosts are tried in order, as pgjdbc
 * does, and {@code targetServerType} (pgjdbc's: {@value #SERVER_TYPES}) picks a primary or a hot standby among
 * them. It never carries a password: that comes from {@code PGPASSWORD}, {@code ~/.pgpass} or a password file, so
 * a locator can be shown, logged and put in a configuration file.
 *
 * @param user             the role to log in as
 * @param hosts            the servers, in the order they are tried (at least one)
 * @param database         database name
 * @param schema           schema of the store, {@value PostgresTarget#DEFAULT_SCHEMA} unless given
 * @param targetServerType which of the hosts to use, {@code any} unless given
 */
public record PostgresLocator(String user, List<Host> hosts, String database, String schema,
                              String targetServerType) {
    /** The port PostgreSQL listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 5432;
    /** The {@code targetServerType} values taken: pgjdbc's, without its deprecated master/slave names. */
    public static final String SERVER_TYPES = "any, primary, secondary, preferPrimary, preferSecondary";

    private static final List<String> TYPES = List.of(SERVER_TYPES.split(", "));

    /**
     * One server of a locator.
     *
     * @param name host name or address ({@code [..]} around an IPv6 address)
     * @param port TCP port, 5432 unless given
     */
    public record Host(String name, int port) {
        public Host {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name + ":" + port;
        }
    }

    public PostgresLocator {
        Objects.requireNonNull(user, "user");
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a locator names at least one host");
        }
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(targetServerType, "targetServerType");
    }

    /** A locator of one server, whichever type it is. */
    public PostgresLocator(String user, String host, int port, String database, String schema) {
        this(user, List.of(new Host(host, port)), database, schema, "any");
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
        Map<String, String> parameters = Map.of();
        int query = rest.indexOf('?');
        if (query >= 0) {
            parameters = parameters(text, rest.substring(query + 1));
            rest = rest.substring(0, query);
        }
        String schema = parameters.getOrDefault("schema", PostgresTarget.DEFAULT_SCHEMA);
        String serverType = parameters.getOrDefault("targetServerType", "any");
        if (!TYPES.contains(serverType)) {
            throw invalid(text, "targetServerType '" + serverType + "' is none of " + SERVER_TYPES);
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
        List<Host> hosts = new ArrayList<>();
        for (String hostPort : rest.substring(0, slash).split(",", -1)) {
            hosts.add(host(text, hostPort));
        }
        try {
            new PostgresTarget("jdbc:postgresql://x/y", user, null, schema);
        } catch (IllegalArgumentException e) {
            throw invalid(text, e.getMessage());
        }
        return new PostgresLocator(user, hosts, database, schema, serverType);
    }

    private static Host host(String text, String hostPort) {
        String host;
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
        if (host.isEmpty()) {
            throw invalid(text, "it names no host, or an empty one between commas");
        }
        int port = DEFAULT_PORT;
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
        return new Host(host, port);
    }

    private static Map<String, String> parameters(String text, String query) {
        Map<String, String> parameters = new HashMap<>();
        for (String parameter : query.split("&", -1)) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (name.equals("password")) {
                throw invalid(text, "it carries a password; passwords come from PGPASSWORD, ~/.pgpass or a password "
                        + "file, never from the locator");
            }
            if (!(name.equals("schema") || name.equals("targetServerType")) || equals < 0
                    || parameters.putIfAbsent(name, parameter.substring(equals + 1)) != null) {
                throw invalid(text, "'" + parameter + "' is not a parameter it takes (only ?schema=name and "
                        + "targetServerType=type, each once)");
            }
        }
        return parameters;
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
                + ". Write postgresql://user@host:port/database?schema=name (several servers: host1:port,host2:port, "
                + "and &targetServerType=" + SERVER_TYPES.replace(", ", "|") + ")");
    }

    /**
     * The JDBC URL of the database, {@code jdbc:postgresql://host:port[,host:port…]/database}, with
     * {@code ?targetServerType=type} unless it is {@code any}.
     */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + servers() + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8)
                + (targetServerType.equals("any") ? "" : "?targetServerType=" + targetServerType);
    }

    private String servers() {
        return String.join(",", hosts.stream().map(Host::toString).toList());
    }

    /** The store, logging in with {@code password} (null for none). */
    public PostgresTarget target(String password) {
        return new PostgresTarget(jdbcUrl(), user, password, schema);
    }

    /** The locator in its canonical form: ports and schema always written, targetServerType unless any. */
    @Override
    public String toString() {
        return "postgresql://" + encode(user) + "@" + servers() + "/" + encode(database) + "?schema=" + schema
                + (targetServerType.equals("any") ? "" : "&targetServerType=" + targetServerType);
    }

    private static String encode(String name) {
        return name.replace("%", "%25").replace("@", "%40").replace("/", "%2F").replace(":", "%3A");
    }
}
