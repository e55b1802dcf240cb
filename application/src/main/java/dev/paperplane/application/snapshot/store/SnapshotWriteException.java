package dev.paperplane.application.snapshot.store;

/**
 * The store could not take a snapshot (a full disk, an unwritable snapshots directory): an operational failure,
 * not a bug. Nothing of the snapshot is left behind, and the audit log is untouched by it.
 */
public final class SnapshotWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A snapshot write failure with its cause. */
    public SnapshotWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
