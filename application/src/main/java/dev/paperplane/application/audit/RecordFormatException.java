package dev.paperplane.application.audit;

/**
 * One audit line is not a canonical, verifiable record: malformed or non-canonical JSON, a seq that does not
 * follow its predecessor, a chain hash that does not match, or a SessionStarted fingerprint that is not its config's. Carries the reason and the byte position within
 * the line where it was detected.
 */
public final class RecordFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int position;

    /** A format failure for {@code reason}, detected at byte {@code position} of the line. */
    public RecordFormatException(String reason, int position) {
        super(reason + " (at byte " + position + " of the record)");
        this.reason = reason;
        this.position = position;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** Byte position within the line (0-based) where the problem was detected. */
    public int position() {
        return position;
    }
}
