package dev.paperplane.application.audit;

import java.util.Objects;

/**
 * One verified record's line exactly as its store holds it, without the newline: the bytes a transparency-log
 * entry is (equality is the array's identity, as for any record holding an array).
 *
 * @param seq   the record's seq
 * @param bytes the stored line without its newline
 */
public record StoredLine(long seq, byte[] bytes) {
    public StoredLine {
        Objects.requireNonNull(bytes, "bytes");
    }
}
