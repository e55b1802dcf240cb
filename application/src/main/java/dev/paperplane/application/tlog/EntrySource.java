package dev.paperplane.application.tlog;

import java.util.List;

/** Where the tree reads its entries again when it needs leaves it does not keep. */
@FunctionalInterface
public interface EntrySource {
    /**
     * The entries {@code first} to {@code first + count - 1} (0-based), each the bytes the tree hashes as a leaf.
     *
     * @throws IllegalStateException when the source no longer holds them
     */
    List<byte[]> entries(long first, int count);
}
