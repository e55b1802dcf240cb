package dev.paperplane.application.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tree against published RFC 6962/9162 reference vectors, and against a second, deliberately naive
 * implementation of the RFC's recursive definitions for every size and index of small trees.
 *
 * <p>Vectors: transparency-dev/merkle, {@code proof/verify_test.go} at commit
 * 02194e9afb6c1d95b5381350007963aa70fff472 (the leaves, roots, inclusion and consistency proofs of the RFC 6962
 * reference tree, first published in certificate-transparency's merkle tree tests).
 */
class LogTreeTest {
    private static final HexFormat HEX = HexFormat.of();

    private static final List<byte[]> LEAVES = hexes("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void rootsOfTheReferenceTreeAtEverySizeAreThePublishedOnes() {
        LogTree tree = treeOf(LEAVES);
        for (int size = 1; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("root of %d", size).isEqualTo(ROOTS.get(size - 1));
        }
        assertThat(HEX.formatHex(tree.root(0)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void inclusionProofsOfTheReferenceTreeAreThePublishedOnes() {
        LogTree tree = treeOf(LEAVES);
        // {leaf (1-based as published), size, proof}
        assertInclusion(tree, 1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertInclusion(tree, 6, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertInclusion(tree, 3, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertInclusion(tree, 2, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertInclusion(tree, 1, 1);
    }

    @Test
    void consistencyProofsOfTheReferenceTreeAreThePublishedOnes() {
        LogTree tree = treeOf(LEAVES);
        assertConsistency(tree, 1, 1);
        assertConsistency(tree, 1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertConsistency(tree, 6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertConsistency(tree, 2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertConsistency(tree, 6, 7, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void everyProofOfEverySmallTreeIsTheNaiveOneAndVerifies() {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            entries.add(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        LogTree tree = treeOf(entries);
        for (int size = 1; size <= entries.size(); size++) {
            List<byte[]> leaves = entries.subList(0, size);
            byte[] root = Naive.mth(leaves);
            assertThat(tree.root(size)).as("root of %d", size).isEqualTo(root);
            for (int m = 0; m < size; m++) {
                List<byte[]> proof = tree.inclusionProof(m, size);
                assertThat(proof).as("path of %d in %d", m, size).containsExactlyElementsOf(Naive.path(m, leaves));
                assertThat(ProofVerifier.verifyInclusion(m, size, Naive.leaf(entries.get(m)), proof, root)).isTrue();
                assertThat(ProofVerifier.verifyInclusion(m, size, Naive.leaf(entries.get((m + 1) % 40)), proof, root))
                        .isFalse();
            }
            for (int first = 1; first <= size; first++) {
                List<byte[]> proof = tree.consistencyProof(first, size);
                assertThat(proof).as("consistency %d to %d", first, size)
                        .containsExactlyElementsOf(Naive.consistency(first, leaves));
                byte[] firstRoot = Naive.mth(entries.subList(0, first));
                assertThat(ProofVerifier.verifyConsistency(first, size, firstRoot, root, proof)).isTrue();
                if (first < size) {
                    assertThat(ProofVerifier.verifyConsistency(first, size, root, firstRoot, proof)).isFalse();
                }
            }
        }
    }

    @Test
    void nodesBelowTheKeptLevelsAreRecomputedFromTheEntriesOfTheirTile() {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 3 * LogTree.TILE_WIDTH + 17; i++) {
            entries.add(("record " + i).getBytes(StandardCharsets.UTF_8));
        }
        List<Long> reads = new ArrayList<>();
        LogTree tree = new LogTree((first, count) -> {
            reads.add(first);
            return entries.subList((int) first, (int) first + count);
        });
        entries.forEach(tree::append);
        assertThat(reads).as("appending reads nothing back").isEmpty();
        assertThat(tree.root(entries.size())).isEqualTo(Naive.mth(entries));
        List<byte[]> proof = tree.inclusionProof(5, entries.size());
        assertThat(proof).containsExactlyElementsOf(Naive.path(5, entries));
        assertThat(reads).containsExactly(0L);
        assertThat(tree.root(300)).isEqualTo(Naive.mth(entries.subList(0, 300)));
    }

    @Test
    void aTreeAskedForProofsWhileItGrowsGivesTheRootsAndPathsOfTheNaiveTree() {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 4 * LogTree.TILE_WIDTH + 3; i++) {
            entries.add(("record " + i).getBytes(StandardCharsets.UTF_8));
        }
        LogTree tree = new LogTree((first, count) -> entries.subList((int) first, (int) first + count));
        for (int size = 1; size <= entries.size(); size++) {
            tree.append(entries.get(size - 1));
            if (size % 37 == 0) {
                // reads an earlier tile back into the cache whose array a later full tile reuses
                int leaf = size / 37 * 101 % size;
                assertThat(tree.inclusionProof(leaf, size)).as("path of %d in %d", leaf, size)
                        .containsExactlyElementsOf(Naive.path(leaf, entries.subList(0, size)));
                assertThat(tree.root(size)).as("root of %d", size).isEqualTo(Naive.mth(entries.subList(0, size)));
            }
        }
        for (int size : List.of(255, 256, 257, 511, 512, 700, entries.size())) {
            assertThat(tree.root(size)).as("root of %d", size).isEqualTo(Naive.mth(entries.subList(0, size)));
        }
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        LogTree tree = treeOf(LEAVES);
        assertThatThrownBy(() -> tree.inclusionProof(8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.node(3, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertInclusion(LogTree tree, int leaf, int size, String... proof) {
        List<byte[]> got = tree.inclusionProof(leaf - 1, size);
        assertThat(got.stream().map(HEX::formatHex).toList()).as("path of %d in %d", leaf, size)
                .containsExactly(proof);
        assertThat(ProofVerifier.verifyInclusion(leaf - 1, size, Naive.leaf(LEAVES.get(leaf - 1)), got,
                HEX.parseHex(ROOTS.get(size - 1)))).isTrue();
    }

    private static void assertConsistency(LogTree tree, int first, int second, String... proof) {
        List<byte[]> got = tree.consistencyProof(first, second);
        assertThat(got.stream().map(HEX::formatHex).toList()).containsExactly(proof);
        assertThat(ProofVerifier.verifyConsistency(first, second, HEX.parseHex(ROOTS.get(first - 1)),
                HEX.parseHex(ROOTS.get(second - 1)), got)).isTrue();
    }

    private static LogTree treeOf(List<byte[]> entries) {
        LogTree tree = new LogTree((first, count) -> entries.subList((int) first, (int) first + count));
        entries.forEach(tree::append);
        return tree;
    }

    private static List<byte[]> hexes(String... values) {
        List<byte[]> out = new ArrayList<>();
        for (String v : values) {
            out.add(HEX.parseHex(v));
        }
        return out;
    }

    /** RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 written as literally as the RFC states them, with no shortcuts. */
    static final class Naive {
        static byte[] leaf(byte[] entry) {
            return sha(new byte[] {0}, entry);
        }

        static byte[] mth(List<byte[]> d) {
            if (d.isEmpty()) {
                return sha();
            }
            if (d.size() == 1) {
                return leaf(d.getFirst());
            }
            int k = k(d.size());
            return sha(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, d.size())));
        }

        static List<byte[]> path(int m, List<byte[]> d) {
            List<byte[]> out = new ArrayList<>();
            if (d.size() <= 1) {
                return out;
            }
            int k = k(d.size());
            if (m < k) {
                out.addAll(path(m, d.subList(0, k)));
                out.add(mth(d.subList(k, d.size())));
            } else {
                out.addAll(path(m - k, d.subList(k, d.size())));
                out.add(mth(d.subList(0, k)));
            }
            return out;
        }

        static List<byte[]> consistency(int m, List<byte[]> d) {
            return m == d.size() ? List.of() : subproof(m, d, true);
        }

        private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
            List<byte[]> out = new ArrayList<>();
            int n = d.size();
            if (m == n) {
                if (!b) {
                    out.add(mth(d));
                }
                return out;
            }
            int k = k(n);
            if (m <= k) {
                out.addAll(subproof(m, d.subList(0, k), b));
                out.add(mth(d.subList(k, n)));
            } else {
                out.addAll(subproof(m - k, d.subList(k, n), false));
                out.add(mth(d.subList(0, k)));
            }
            return out;
        }

        private static int k(int n) {
            int k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            return k;
        }

        private static byte[] sha(byte[]... parts) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (byte[] p : parts) {
                    md.update(p);
                }
                return md.digest();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
    }
}
