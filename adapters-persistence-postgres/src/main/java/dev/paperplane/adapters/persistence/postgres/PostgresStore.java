package dev.paperplane.adapters.persistence.postgres;

/**
 * The PostgreSQL store: entry points to a store's single writer and its readers. A store is one schema
 * (default {@value PostgresTarget#DEFAULT_SCHEMA}) of one database:
 *
 * <pre>
 * schema_version  (version, description, applied_at)          the recorded version of these tables
 * records         (seq PK, type, time, hash, line)             line = the exact record line the file store
 *                                                              writes, its newline included
 * snapshots       (seq PK, chain_hash, schema_version, checksum, state)
 * </pre>
 *
 * Triggers refuse UPDATE, DELETE and TRUNCATE on all three tables, in every session. The writer holds a
 * session-level advisory lock while it lives; see docs/postgres.md.
 */
public final class PostgresStore {

    private PostgresStore() {
    }

    /**
     * Opens the single writer of {@code target}: connects, takes the store's advisory lock, creates the schema
     * and tables on first use (else checks their version) and verifies the last
     * {@value PostgresStoreWriter#OPENING_CHECK} records.
     *
     * @throws PostgresStoreException when the server cannot be reached, another writer holds the store, or the
     *         store is of another schema version
     * @throws dev.paperplane.application.audit.AuditCorruptionException when the end of the log is damaged
     */
    public static PostgresStoreWriter openWriter(PostgresTarget target) {
        return PostgresStoreWriter.open(target);
    }

    /**
     * Opens a reader of {@code target}. It never creates, writes or locks anything: it needs only SELECT on the
     * store's tables, and works beside a running writer. Close it to end its connection.
     *
     * @throws PostgresStoreException when the server cannot be reached or no store of this version is there
     */
    public static PostgresStoreReader openReader(PostgresTarget target) {
        return PostgresStoreReader.open(target);
    }
}
