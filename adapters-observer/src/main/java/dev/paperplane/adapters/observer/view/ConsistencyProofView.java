package dev.paperplane.adapters.observer.view;

import java.util.List;

/**
 * An RFC 9162 consistency proof between two tree sizes, hashes in standard base64.
 *
 * @param from     the smaller tree size
 * @param to       the larger tree size
 * @param fromRoot the root of the tree of {@code from}
 * @param toRoot   the root of the tree of {@code to}
 * @param proof    the consistency path
 */
public record ConsistencyProofView(long from, long to, String fromRoot, String toRoot, List<String> proof) {
}
