package dev.paperplane.application.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The RFC 9162 §2.1.1 hashes: leaves SHA-256(0x00 ‖ entry), interior nodes SHA-256(0x01 ‖ left ‖ right). */
public final class Merkle {
    /** Bytes in every hash of the tree. */
    public static final int HASH_BYTES = 32;

    private Merkle() {
    }

    /** A fresh SHA-256 digest; callers keep one per thread. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** The root of the empty tree: SHA-256 of no bytes. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The leaf hash of {@code entry}. */
    public static byte[] leafHash(MessageDigest digest, byte[] entry) {
        digest.reset();
        digest.update((byte) 0);
        digest.update(entry);
        return digest.digest();
    }

    /** The hash of the interior node over {@code left} and {@code right}. */
    public static byte[] nodeHash(MessageDigest digest, byte[] left, byte[] right) {
        digest.reset();
        digest.update((byte) 1);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
