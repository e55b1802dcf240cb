package dev.paperplane.application.tlog;

import java.security.DigestException;
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

    /** The leaf hash of the entry {@code buf[off, off + len)}, written to {@code out[at, at + 32)}. */
    public static void leafHash(MessageDigest digest, byte[] buf, int off, int len, byte[] out, int at) {
        digest.reset();
        digest.update((byte) 0);
        digest.update(buf, off, len);
        finish(digest, out, at);
    }

    /**
     * The hash of the interior node over the two hashes at {@code in[from, from + 64)}, written to
     * {@code out[at, at + 32)} (which may overlap the input: it is read first).
     */
    public static void nodeHash(MessageDigest digest, byte[] in, int from, byte[] out, int at) {
        digest.reset();
        digest.update((byte) 1);
        digest.update(in, from, 2 * HASH_BYTES);
        finish(digest, out, at);
    }

    private static void finish(MessageDigest digest, byte[] out, int at) {
        try {
            digest.digest(out, at, HASH_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException("a SHA-256 digest did not fit its 32 bytes", e);
        }
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
