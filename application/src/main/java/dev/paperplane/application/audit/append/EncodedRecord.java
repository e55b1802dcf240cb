package dev.paperplane.application.audit.append;

import java.util.Objects;

/**
 * A record ready to store: its seq, its chain hash and its exact line bytes (UTF-8, ending in a newline).
 * Every store keeps exactly these bytes, so the chain is identical whichever store holds the log.
 */
public record EncodedRecord(long seq, String hash, byte[] line) {
    public EncodedRecord {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(line, "line");
    }
}
