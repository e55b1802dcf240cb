package dev.paperplane.bootstrap.cli;

import java.io.Serial;

/** A failure the user can fix: printed as one line ("paperplane: ..."), no stack trace, then exit. */
public final class UserError extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Exit code for a malformed command line (unknown command, bad arguments). */
    public static final int USAGE = 2;

    /** Exit code for any other failure the user can fix (missing file, bad input data). */
    public static final int FAILURE = 1;

    private final int exitCode;

    /** A failure with exit code {@link #FAILURE}; the message says what, where and what to do. */
    public UserError(String message) {
        this(message, FAILURE);
    }

    /** A failure with the given exit code. */
    public UserError(String message, int exitCode) {
        super(message, null, false, false);
        if (exitCode <= 0) {
            throw new IllegalArgumentException("a user error needs a non-zero exit code, got " + exitCode);
        }
        this.exitCode = exitCode;
    }

    /** A malformed command line: exit code {@link #USAGE}. */
    public static UserError usage(String message) {
        return new UserError(message, USAGE);
    }

    /** The process exit code to return. */
    public int exitCode() {
        return exitCode;
    }
}
