package dev.paperplane.application.tlog;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RFC 9162 Merkle tree over a log's entries, grown one entry at a time. Memory stays bounded: it keeps the
 * hashes of complete nodes at level 8 and above (one per 256 leaves, the contents of level-1 and higher tiles)
 * and the leaf hashes of the incomplete last tile; a node below level 8 is recomputed from the 256 entries of its
 * tile, read again from the {@link EntrySource}, when a proof or tile needs it. Thread-safe.
 */
public final class LogTree {
    /** Levels of the tree one tile spans (C2SP tlog-tiles). */
    public static final int TILE_HEIGHT = 8;
    /** Hashes in a full tile. */
    public static final int TILE_WIDTH = 1 << TILE_HEIGHT;

    private static final int H = Merkle.HASH_BYTES;

    private final EntrySource source;
    private final MessageDigest digest = Merkle.sha256();
    /** upper.get(k): hashes of the complete nodes at level TILE_HEIGHT + k, in index order. */
    private final List<Hashes> upper = new ArrayList<>();
    /**
     * The leaf hashes of the incomplete last tile, 32 bytes each, back to back: no object per leaf. Bytes past the
     * tile's current width are stale and never read: only complete nodes within the tree's size are.
     */
    private byte[] pending = new byte[TILE_WIDTH * H];
    /** Where a completed tile's leaves are folded into its root. */
    private final byte[] fold = new byte[TILE_WIDTH * H];
    private long size;
    private long cachedTile = -1;
    private byte[] cachedLeaves;

    /** An empty tree that reads entries it needs again from {@code source}. */
    public LogTree(EntrySource source) {
        this.source = source;
    }

    /** The number of entries in the tree. */
    public synchronized long size() {
        return size;
    }

    /** Appends one entry. */
    public void append(byte[] entry) {
        append(entry, 0, entry.length);
    }

    /**
     * Appends the entry {@code buf[off, off + len)}. Hashes straight into the tile's leaf array and folds a completed
     * tile in place, so a build allocates nothing per entry (a 32-byte root per 256 entries).
     */
    public synchronized void append(byte[] buf, int off, int len) {
        Merkle.leafHash(digest, buf, off, len, pending, (int) (size % TILE_WIDTH) * H);
        size++;
        if (size % TILE_WIDTH == 0) {
            System.arraycopy(pending, 0, fold, 0, fold.length);
            for (int width = TILE_WIDTH / 2; width >= 1; width /= 2) {
                for (int i = 0; i < width; i++) {
                    // node i of this level from nodes 2i and 2i + 1 of the level below, written over node i
                    Merkle.nodeHash(digest, fold, 2 * i * H, fold, i * H);
                }
            }
            // the full tile's leaves become the cached tile; the array of the tile cached before is reused
            byte[] full = pending;
            pending = cachedLeaves != null ? cachedLeaves : new byte[TILE_WIDTH * H];
            cachedTile = size / TILE_WIDTH - 1;
            cachedLeaves = full;
            add(0, Arrays.copyOf(fold, H));
        }
    }

    /** The root hash of the tree's first {@code treeSize} entries (any size up to {@link #size()}). */
    public synchronized byte[] root(long treeSize) {
        checkSize(treeSize);
        return treeSize == 0 ? Merkle.emptyRoot() : range(0, treeSize);
    }

    /**
     * The hash of the complete node at {@code level} and {@code index}: the root of the entries
     * {@code index·2^level} to {@code (index+1)·2^level − 1}.
     *
     * @throws IllegalArgumentException when that node is not complete in the tree
     */
    public synchronized byte[] node(int level, long index) {
        if (level < 0 || level > 62 || index < 0 || index > (size >>> level) - 1) {
            throw new IllegalArgumentException("no complete node at level " + level + " index " + index
                    + " in a tree of " + size);
        }
        return completeNode(level, index);
    }

    /** The RFC 9162 §2.1.3.1 inclusion proof (audit path) of entry {@code index} in the tree of {@code treeSize}. */
    public synchronized List<byte[]> inclusionProof(long index, long treeSize) {
        checkSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("entry " + index + " is not in a tree of " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, treeSize, proof);
        return proof;
    }

    /** The RFC 9162 §2.1.4.1 consistency proof from the tree of {@code first} to that of {@code second} entries. */
    public synchronized List<byte[]> consistencyProof(long first, long second) {
        checkSize(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("the tree holds " + size + " entries, not " + treeSize);
        }
    }

    private void path(long m, long lo, long hi, List<byte[]> out) {
        if (hi - lo == 1) {
            return;
        }
        long k = Merkle.split(hi - lo);
        if (m < k) {
            path(m, lo, lo + k, out);
            out.add(range(lo + k, hi));
        } else {
            path(m - k, lo + k, hi, out);
            out.add(range(lo, lo + k));
        }
    }

    private void subproof(long m, long lo, long hi, boolean whole, List<byte[]> out) {
        if (m == hi - lo) {
            if (!whole) {
                out.add(range(lo, hi));
            }
            return;
        }
        long k = Merkle.split(hi - lo);
        if (m <= k) {
            subproof(m, lo, lo + k, whole, out);
            out.add(range(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, out);
            out.add(range(lo, lo + k));
        }
    }

    /** MTH of the entries [lo, hi): lo is always a multiple of the largest power of two up to hi − lo. */
    private byte[] range(long lo, long hi) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            return completeNode(Long.numberOfTrailingZeros(n), lo / n);
        }
        long k = Merkle.split(n);
        return Merkle.nodeHash(digest, range(lo, lo + k), range(lo + k, hi));
    }

    private byte[] completeNode(int level, long index) {
        if (level >= TILE_HEIGHT) {
            return upper.get(level - TILE_HEIGHT).get(index);
        }
        long first = index << level;
        byte[] leaves = tileLeaves(first / TILE_WIDTH);
        int from = (int) (first % TILE_WIDTH);
        return subtree(leaves, from, from + (1 << level));
    }

    private byte[] tileLeaves(long tile) {
        if (tile == size / TILE_WIDTH) {
            return pending;
        }
        if (tile != cachedTile) {
            List<byte[]> entries = source.entries(tile * TILE_WIDTH, TILE_WIDTH);
            if (entries.size() != TILE_WIDTH) {
                throw new IllegalStateException("the log no longer holds the " + TILE_WIDTH + " entries from "
                        + tile * TILE_WIDTH + " that the tree was built from");
            }
            byte[] leaves = new byte[TILE_WIDTH * H];
            for (int i = 0; i < TILE_WIDTH; i++) {
                byte[] entry = entries.get(i);
                Merkle.leafHash(digest, entry, 0, entry.length, leaves, i * H);
            }
            cachedTile = tile;
            cachedLeaves = leaves;
        }
        return cachedLeaves;
    }

    /** The root over the leaves [from, to) of a tile's leaf array, to − from a power of two. */
    private byte[] subtree(byte[] leaves, int from, int to) {
        if (to - from == 1) {
            return Arrays.copyOfRange(leaves, from * H, (from + 1) * H);
        }
        int mid = (from + to) >>> 1;
        return Merkle.nodeHash(digest, subtree(leaves, from, mid), subtree(leaves, mid, to));
    }

    /** Records a newly completed node at level TILE_HEIGHT + k and the complete parents it finishes. */
    private void add(int k, byte[] hash) {
        if (upper.size() == k) {
            upper.add(new Hashes());
        }
        Hashes level = upper.get(k);
        level.add(hash);
        long index = level.count() - 1;
        if (index % 2 == 1) {
            add(k + 1, Merkle.nodeHash(digest, level.get(index - 1), hash));
        }
    }

    /** A growable array of 32-byte hashes in one byte array: ~32 bytes per node, not an object each. */
    private static final class Hashes {
        private byte[] bytes = new byte[Merkle.HASH_BYTES * 64];
        private long count;

        void add(byte[] hash) {
            long at = count * Merkle.HASH_BYTES;
            if (at + Merkle.HASH_BYTES > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, 2L * bytes.length)));
            }
            System.arraycopy(hash, 0, bytes, (int) at, Merkle.HASH_BYTES);
            count++;
        }

        byte[] get(long index) {
            int at = Math.toIntExact(index * Merkle.HASH_BYTES);
            return Arrays.copyOfRange(bytes, at, at + Merkle.HASH_BYTES);
        }

        long count() {
            return count;
        }
    }
}
