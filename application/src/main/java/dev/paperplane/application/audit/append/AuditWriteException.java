package dev.paperplane.application.audit.append;

/** The store failed to take a batch durably; the writer has stopped for good. */
public final class AuditWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A write failure with its cause. */
    public AuditWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A write failure without an underlying exception. */
    public AuditWriteException(String message) {
        super(message);
    }
}
