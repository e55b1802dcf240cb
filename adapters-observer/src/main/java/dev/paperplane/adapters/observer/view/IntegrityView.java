package dev.paperplane.adapters.observer.view;

/**
 * The chain verification of the whole log.
 *
 * @param intact       whether every record up to the head verified
 * @param verifiedSeq  the last seq verified in order
 * @param verifiedHash the chain hash at {@code verifiedSeq}
 * @param firstBadSeq  the first seq that failed, or null
 * @param problem      what failed there, or null
 */
public record IntegrityView(boolean intact, long verifiedSeq, String verifiedHash, Long firstBadSeq,
                            String problem) {
}
