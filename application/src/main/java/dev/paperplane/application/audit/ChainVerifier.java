package dev.paperplane.application.audit;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Verifies a log line by line from a known head: each line must carry the next seq and the chain hash of its
 * canonical bytes. Holds its digest and parser, so replaying millions of records allocates little beyond the
 * decoded events. Not thread-safe: one verifier per reading thread.
 */
public final class ChainVerifier {
    private final MessageDigest digest = Sha256.newDigest();
    private final RecordDecoder decoder = new RecordDecoder();
    private final byte[] closingBrace = {'}'};
    private long seq;
    private byte[] hash;
    private byte[] spare = new byte[32];
    private final byte[] computedHex = new byte[64];
    private String hashHex;

    /** A verifier whose next record must follow {@code start}. */
    public ChainVerifier(ChainHead start) {
        this.seq = start.seq();
        this.hash = Hex.parseHash(start.hash());
        this.hashHex = start.hash();
    }

    /** The last verified record's seq and hash (the start head until something verified). */
    public ChainHead head() {
        if (hashHex == null) {
            hashHex = Hex.format(hash);
        }
        return new ChainHead(seq, hashHex);
    }

    /** The seq the next line must carry. */
    public long nextSeq() {
        return seq + 1;
    }

    /**
     * Verifies and decodes the next line (without its newline) and advances past it.
     *
     * @throws RecordFormatException when the line is not the canonical, correctly chained next record; the
     *                               verifier then stays where it was
     */
    public AuditRecord next(byte[] buf, int off, int len) {
        check(buf, off, len);
        var event = decoder.body();
        String payload = decoder.payloadJson();
        String hex = new String(buf, off + len - 66, 64, StandardCharsets.ISO_8859_1);
        advance(hex);
        return new AuditRecord(seq, event, hex, payload);
    }

    /**
     * Verifies the next line's seq and chain hash without decoding its payload, and advances past it: for
     * scanning a log whose records will be decoded later, if at all.
     *
     * @return the line's seq
     * @throws RecordFormatException when the seq or the hash does not verify; the verifier then stays put
     */
    public long verify(byte[] buf, int off, int len) {
        check(buf, off, len);
        advance(null);
        return seq;
    }

    private void check(byte[] buf, int off, int len) {
        long claimed = decoder.seqAndSuffix(buf, off, len, false);
        if (claimed != seq + 1) {
            decoder.checkHashDigits();
            throw new RecordFormatException("seq " + claimed + " does not follow seq " + seq + " (expected "
                    + (seq + 1) + ")", "{\"seq\":".length());
        }
        digest.update(hash);
        digest.update(buf, off, len - AuditCodec.HASH_SUFFIX_LENGTH);
        digest.update(closingBrace);
        try {
            digest.digest(spare, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digest of 32 bytes did not fit 32 bytes", e);
        }
        // equal to the computed digest's lowercase hex, the stored digits are well-formed too
        int stored = off + len - 66;
        Hex.formatTo(spare, computedHex);
        if (!Arrays.equals(buf, stored, stored + 64, computedHex, 0, 64)) {
            decoder.checkHashDigits();
            throw new RecordFormatException("chain hash mismatch at seq " + claimed
                    + ": the record's bytes, or the hash it follows, were altered (stored "
                    + new String(buf, stored, 64, StandardCharsets.ISO_8859_1) + ", computed "
                    + Hex.format(spare) + ")", len - 66);
        }
    }

    private void advance(String hex) {
        byte[] previous = hash;
        hash = spare;
        spare = previous;
        hashHex = hex;
        seq++;
    }
}
