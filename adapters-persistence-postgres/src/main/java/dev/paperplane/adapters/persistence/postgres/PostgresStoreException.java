package dev.paperplane.adapters.persistence.postgres;

/**
 * A PostgreSQL store could not be opened or read: unreachable, locked by another writer, missing, of a newer
 * schema version, or failing a query.
 */
public final class PostgresStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public PostgresStoreException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public PostgresStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
