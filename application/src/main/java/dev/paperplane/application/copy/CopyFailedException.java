package dev.paperplane.application.copy;

import java.io.Serial;

/** A copy that cannot be done or went wrong; the message says what, where, and how to go on. */
public final class CopyFailedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public CopyFailedException(String message) {
        super(message);
    }
}
