package dev.paperplane.application.session;

/**
 * The configuration would put a record into the log longer than a transparency-log entry can be (65,535 bytes,
 * a tile's 16-bit length prefix): refused before anything is written.
 */
public final class RecordTooLongException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The session start record would be {@code bytes} long. */
    public RecordTooLongException(long bytes, int limit) {
        super("the configuration makes the session's SessionStarted record " + bytes + " bytes long, more than the "
                + limit + " bytes a transparency-log entry can hold; shorten the environment label, strategy ids or"
                + " parameters, or use fewer strategies. Nothing was written.");
    }
}
