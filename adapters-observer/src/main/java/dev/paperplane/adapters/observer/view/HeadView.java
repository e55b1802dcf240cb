package dev.paperplane.adapters.observer.view;

/**
 * The head of the log an answer is derived from: the last verified record's seq and chain hash.
 *
 * @param seq  seq of the last verified record, 0 for an empty log
 * @param hash its chain hash (64 lowercase hex digits), the genesis hash for an empty log
 */
public record HeadView(long seq, String hash) {
}
