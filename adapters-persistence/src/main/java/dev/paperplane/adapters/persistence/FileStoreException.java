package dev.paperplane.adapters.persistence;

/** A data directory could not be opened: missing, locked by another writer, or unreadable. */
public final class FileStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An open failure described by {@code message}. */
    public FileStoreException(String message) {
        super(message);
    }

    /** An open failure described by {@code message}, caused by {@code cause}. */
    public FileStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
