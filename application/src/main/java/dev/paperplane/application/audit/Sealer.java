package dev.paperplane.application.audit;

import dev.paperplane.domain.audit.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;

/**
 * Seals events into the chain, one record after another, reusing one encoding buffer and one digest: a run seals
 * every record of its session through one sealer. Not thread-safe.
 */
public final class Sealer {
    private final CanonicalJsonWriter out = new CanonicalJsonWriter(512);
    private final MessageDigest digest = Sha256.newDigest();
    private final byte[] hex = new byte[64];
    private ChainHead last;
    private byte[] lastHash = new byte[32];
    private byte[] spare = new byte[32];

    /** A sealer with nothing sealed yet. */
    public Sealer() {
    }

    /**
     * Encodes {@code event} as the record following {@code previous}: seq {@code previous.seq + 1}, chained to
     * {@code previous.hash}.
     *
     * @throws IllegalArgumentException when the event holds a value the canonical form cannot carry exactly
     *                                  (a decimal not at scale 8, a string with an unpaired surrogate)
     */
    public SealedRecord seal(ChainHead previous, AuditEvent event) {
        long seq = Math.addExact(previous.seq(), 1);
        AuditCodec.writeCanonical(out.start(), seq, event);
        byte[] canonical = out.buffer();
        int length = out.length();
        // the raw hash of the record sealed last is kept: sealing a run's next record parses no hex
        byte[] previousHash = previous.equals(last) ? lastHash : Hex.parseHash(previous.hash());
        digest.update(previousHash);
        digest.update(canonical, 0, length);
        try {
            digest.digest(spare, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digest of 32 bytes did not fit 32 bytes", e);
        }
        Hex.formatTo(spare, hex);
        byte[] line = AuditCodec.line(canonical, length, hex, 1);
        line[line.length - 1] = '\n';
        ChainHead head = new ChainHead(seq, new String(hex, StandardCharsets.ISO_8859_1));
        byte[] recycled = lastHash;
        lastHash = spare;
        spare = recycled;
        last = head;
        return new SealedRecord(previous, head, event, line);
    }
}
