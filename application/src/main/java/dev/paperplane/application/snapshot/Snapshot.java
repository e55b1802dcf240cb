package dev.paperplane.application.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The runtime state (ShadowLedger, DecisionMemory, strategy memories) at one seq, bound to the chain.
 *
 * @param seq           the last seq folded into the state
 * @param chainHash     the log's chain hash at {@code seq}
 * @param schemaVersion version of the state encoding
 * @param state         canonical JSON of the state, UTF-8
 */
public record Snapshot(long seq, String chainHash, int schemaVersion, byte[] state) {
    /** The state encoding version this runtime writes and reads. */
    public static final int CURRENT_SCHEMA = 1;

    /**
     * The most state bytes a snapshot may announce or hold (64 MiB): well above the largest state an honest
     * configuration produces (docs/data-formats.md, "Size bound"). A stored snapshot beyond it is damaged and is
     * refused before its bytes are read, so a crafted or corrupt one cannot exhaust the heap.
     */
    public static final int MAX_STATE_BYTES = 64 * 1024 * 1024;

    public Snapshot {
        Objects.requireNonNull(chainHash, "chainHash");
        Objects.requireNonNull(state, "state");
    }

    /** Lowercase hex SHA-256 of {@link #state()}: the snapshot's checksum. */
    public String checksum() {
        return checksumOf(state);
    }

    /** The state as text. */
    public String stateText() {
        return new String(state, StandardCharsets.UTF_8);
    }

    /** The checksum of a snapshot whose state is {@code state}: its lowercase hex SHA-256. */
    public static String checksumOf(byte[] state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(state));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
