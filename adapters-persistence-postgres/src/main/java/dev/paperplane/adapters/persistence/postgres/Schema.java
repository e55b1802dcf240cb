package dev.paperplane.adapters.persistence.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's tables in one schema, their creation on first use and the recorded schema version. Every
 * table is append-only: triggers that fire even in replica sessions refuse UPDATE, DELETE and TRUNCATE.
 */
final class Schema {
    /** The version of the tables this code creates, reads and writes. */
    static final int VERSION = 1;

    static final String RECORDS = "records";
    static final String SNAPSHOTS = "snapshots";
    static final String VERSIONS = "schema_version";
    private static final List<String> TABLES = List.of(VERSIONS, RECORDS, SNAPSHOTS);

    final String name;

    Schema(String name) {
        this.name = name;
    }

    /** {@code "schema".table}, for SQL. */
    String table(String table) {
        return '"' + name + "\"." + table;
    }

    /** {@code schema.table}, for messages and corruption reports. */
    String label(String table) {
        return name + "." + table;
    }

    /**
     * The key of the writer's session-level advisory lock: the first 8 bytes of SHA-256 of
     * {@code paperplane writer <schema>}. Advisory locks are per database, so this names one store.
     */
    long lockKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("paperplane writer " + name)
                    .getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = key << 8 | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** The statements that create the store in an empty (or absent) schema, in order. */
    List<String> ddl(boolean createSchema) {
        List<String> sql = new ArrayList<>();
        if (createSchema) {
            sql.add("CREATE SCHEMA \"" + name + '"');
        }
        sql.add("CREATE TABLE " + table(VERSIONS) + " ("
                + "version integer PRIMARY KEY, "
                + "description text NOT NULL, "
                + "applied_at timestamptz NOT NULL DEFAULT now())");
        sql.add("CREATE TABLE " + table(RECORDS) + " ("
                + "seq bigint PRIMARY KEY CHECK (seq >= 1), "
                + "type text NOT NULL, "
                + "\"time\" timestamptz NOT NULL, "
                + "hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'), "
                + "line bytea NOT NULL)");
        sql.add("CREATE TABLE " + table(SNAPSHOTS) + " ("
                + "seq bigint PRIMARY KEY CHECK (seq >= 0), "
                + "chain_hash text NOT NULL, "
                + "schema_version integer NOT NULL, "
                + "checksum text NOT NULL, "
                + "state bytea NOT NULL)");
        sql.add("CREATE FUNCTION " + table("refuse_change") + "() RETURNS trigger LANGUAGE plpgsql AS $$ "
                + "BEGIN RAISE EXCEPTION 'paperplane: %.% is append-only: % is refused', "
                + "TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege', "
                + "HINT = 'the audit log and its snapshots are never changed or removed'; END $$");
        for (String table : TABLES) {
            sql.add("CREATE TRIGGER " + table + "_no_update_or_delete BEFORE UPDATE OR DELETE ON " + table(table)
                    + " FOR EACH ROW EXECUTE FUNCTION " + table("refuse_change") + "()");
            sql.add("CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table(table)
                    + " FOR EACH STATEMENT EXECUTE FUNCTION " + table("refuse_change") + "()");
            // ALWAYS: the triggers fire in replica sessions (session_replication_role = replica) too
            sql.add("ALTER TABLE " + table(table) + " ENABLE ALWAYS TRIGGER " + table + "_no_update_or_delete");
            sql.add("ALTER TABLE " + table(table) + " ENABLE ALWAYS TRIGGER " + table + "_no_truncate");
        }
        sql.add("INSERT INTO " + table(VERSIONS) + " (version, description) VALUES (" + VERSION
                + ", 'records and snapshots, append-only')");
        return List.copyOf(sql);
    }

    /** What is in the schema now. */
    enum State { ABSENT, EMPTY, CURRENT }

    /**
     * Whether the store exists in this schema, and is of the version this code reads.
     *
     * @throws PostgresStoreException when the schema holds a partial store or one of a newer version
     */
    State inspect(Connection connection, String location) throws SQLException {
        boolean schemaExists;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM pg_namespace WHERE nspname = ?")) {
            query.setString(1, name);
            schemaExists = count(query) > 0;
        }
        if (!schemaExists) {
            return State.ABSENT;
        }
        int present = 0;
        StringBuilder missing = new StringBuilder();
        for (String table : TABLES) {
            try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                query.setString(1, table(table));
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        present++;
                    } else {
                        missing.append(missing.isEmpty() ? "" : ", ").append(label(table));
                    }
                }
            }
        }
        if (present == 0) {
            return State.EMPTY;
        }
        if (present < TABLES.size()) {
            throw new PostgresStoreException("the store " + location + " is incomplete: " + missing + " missing. "
                    + "This schema holds something other than a paperplane store; name another schema "
                    + "(?schema=…) or restore the store from a backup");
        }
        int version;
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT max(version) FROM " + table(VERSIONS))) {
            rows.next();
            version = rows.getInt(1);
        }
        if (version > VERSION) {
            throw new PostgresStoreException("the store " + location + " has schema version " + version
                    + ", newer than this paperplane reads (" + VERSION + "): use the paperplane release that "
                    + "created it, or a newer one");
        }
        if (version < VERSION) {
            throw new PostgresStoreException("the store " + location + " records no schema version (found "
                    + version + " in " + label(VERSIONS) + "): it was not created by paperplane, or is damaged");
        }
        return State.CURRENT;
    }

    private static long count(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
