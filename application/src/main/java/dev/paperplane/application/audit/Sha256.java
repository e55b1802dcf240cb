package dev.paperplane.application.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The chain's hash function. */
final class Sha256 {
    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** SHA-256(previous ‖ canonical), where canonical is {@code buf[off, off+len)}. */
    static byte[] chain(MessageDigest digest, byte[] previous, byte[] buf, int off, int len) {
        digest.reset();
        digest.update(previous);
        digest.update(buf, off, len);
        return digest.digest();
    }
}
