package dev.paperplane.application.feed;

/** A feed line the runtime cannot accept: names the file, the line and what is wrong with it. */
public final class FeedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String reason;

    /** A problem with {@code source} at 1-based {@code line}. */
    public FeedException(String source, long line, String reason) {
        super(source + " line " + line + ": " + reason);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    /** The feed's name as given to the reader. */
    public String source() {
        return source;
    }

    /** The 1-based line number. */
    public long line() {
        return line;
    }

    /** What is wrong with the line. */
    public String reason() {
        return reason;
    }
}
