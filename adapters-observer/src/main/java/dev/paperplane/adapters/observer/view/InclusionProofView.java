package dev.paperplane.adapters.observer.view;

import java.util.List;

/**
 * An RFC 9162 inclusion proof of one record, hashes in standard base64.
 *
 * @param seq      the record's seq
 * @param index    its entry index in the tree, {@code seq - 1}
 * @param treeSize the size of the tree the proof is for
 * @param leafHash the record's leaf hash
 * @param rootHash the root of the tree of {@code treeSize}
 * @param proof    the audit path, from the leaf's sibling up
 */
public record InclusionProofView(long seq, long index, long treeSize, String leafHash, String rootHash,
                                 List<String> proof) {
}
