package dev.paperplane.application.audit;

/**
 * Bytes after the last newline of the log's last segment: not part of the log (readers ignore them), the trace of
 * an append cut short, which the next writer start moves to quarantine.
 *
 * @param segment the segment holding them (its file name)
 * @param offset  byte offset in the segment where they begin, just after the last newline
 * @param bytes   how many there are
 */
public record TornTail(String segment, long offset, long bytes) {
}
