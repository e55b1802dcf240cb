package dev.paperplane.application.audit;

import java.util.Objects;

/**
 * The last record of a log: its seq and its chain hash. An empty log's head is {@link #GENESIS}.
 *
 * @param seq  last seq, 0 for an empty log
 * @param hash lowercase hex SHA-256 chain hash at {@code seq}
 */
public record ChainHead(long seq, String hash) {
    /** The head of an empty log: seq 0 and 32 zero bytes. */
    public static final ChainHead GENESIS = new ChainHead(0, "0".repeat(64));

    public ChainHead {
        Objects.requireNonNull(hash, "hash");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative: " + seq);
        }
    }

    /** Whether {@code text} has the form of a chain hash: 64 lowercase hex digits. */
    public static boolean isHash(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
