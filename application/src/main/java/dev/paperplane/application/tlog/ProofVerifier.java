package dev.paperplane.application.tlog;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks proofs as a client that trusts nobody does: the RFC 9162 §2.1.3.2 and §2.1.4.2 algorithms, which use
 * nothing but the proof, the sizes and the hashes the client already holds.
 */
public final class ProofVerifier {
    private ProofVerifier() {
    }

    /** Whether {@code proof} proves the leaf {@code leafHash} at {@code index} in the tree of {@code size} and {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !wellFormed(proof)) {
            return false;
        }
        MessageDigest digest = Merkle.sha256();
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Merkle.nodeHash(digest, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Merkle.nodeHash(digest, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * Whether {@code proof} proves that the tree of {@code first} entries and root {@code firstRoot} is a prefix of
     * the tree of {@code second} entries and root {@code secondRoot}.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first < 0 || first > second || !wellFormed(proof)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        MessageDigest digest = Merkle.sha256();
        List<byte[]> path = proof;
        if (Long.bitCount(first) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(firstRoot);
            path.addAll(proof);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Merkle.nodeHash(digest, c, fr);
                sr = Merkle.nodeHash(digest, c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Merkle.nodeHash(digest, sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    private static boolean wellFormed(List<byte[]> proof) {
        return proof.stream().allMatch(h -> h != null && h.length == Merkle.HASH_BYTES);
    }
}
