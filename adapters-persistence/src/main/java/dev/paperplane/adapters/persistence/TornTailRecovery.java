package dev.paperplane.adapters.persistence;

import java.nio.file.Path;

/**
 * What the writer did at open about a torn tail, the trace of a crash during an append: the bytes after the
 * last intact record were copied to a quarantine file and cut from the segment.
 *
 * @param segment        the segment's file name
 * @param offset         byte offset in the segment where the torn bytes began (the segment's new length)
 * @param bytes          how many bytes were cut
 * @param quarantineFile where those bytes were kept
 * @param reason         why the tail was not an intact record
 */
public record TornTailRecovery(String segment, long offset, long bytes, Path quarantineFile, String reason) {

    /** One line for the log. */
    public String describe() {
        return "recovered a torn audit tail: cut " + bytes + " byte(s) at offset " + offset + " of " + segment
                + " (" + reason + "); they are kept in " + quarantineFile;
    }
}
