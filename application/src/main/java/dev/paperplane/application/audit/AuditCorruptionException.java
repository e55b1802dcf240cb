package dev.paperplane.application.audit;

/**
 * A stored record failed verification: bad JSON, a seq out of order, or a chain hash that does not match.
 * Carries where: the seq expected there, the segment and the byte offset.
 */
public final class AuditCorruptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long seq;
    private final String segment;
    private final long offset;

    /** A corruption at {@code seq}, in {@code segment} at byte {@code offset}, for {@code reason}. */
    public AuditCorruptionException(long seq, String segment, long offset, String reason) {
        super("audit log corrupt at seq " + seq + " (" + segment + ", byte offset " + offset + "): " + reason);
        this.seq = seq;
        this.segment = segment;
        this.offset = offset;
    }

    /** The seq of the first record that failed. */
    public long seq() {
        return seq;
    }

    /** The segment (file name or table) holding it. */
    public String segment() {
        return segment;
    }

    /** The byte offset of the record within its segment, or -1 where offsets do not apply. */
    public long offset() {
        return offset;
    }
}
