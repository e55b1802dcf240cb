package dev.paperplane.application.session;

/**
 * How many whole bars a run appends under one force: a group is forced once it holds {@code bars} bars or
 * {@code bytes} bytes of records, whichever comes first, before a snapshot and at the end of the feed. Grouping
 * follows the feed alone: no timer, no thread.
 *
 * @param bars  the most bars in one group, at least 1 (1 forces after every bar)
 * @param bytes the group's size in record bytes at which it is forced, at least 1
 */
public record Grouping(long bars, long bytes) {
    /** One force per bar. */
    public static final Grouping EVERY_BAR = new Grouping(1, 1);

    public Grouping {
        if (bars < 1) {
            throw new IllegalArgumentException("a group holds at least 1 bar, was " + bars);
        }
        if (bytes < 1) {
            throw new IllegalArgumentException("a group's byte bound is at least 1, was " + bytes);
        }
    }

    /** Whether a group of {@code pendingBars} bars and {@code pendingBytes} bytes is to be forced now. */
    boolean full(long pendingBars, long pendingBytes) {
        return pendingBars >= bars || pendingBytes >= bytes;
    }
}
