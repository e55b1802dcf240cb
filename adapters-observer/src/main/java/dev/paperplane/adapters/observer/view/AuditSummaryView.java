package dev.paperplane.adapters.observer.view;

import java.util.SortedMap;

/**
 * Counts and bounds of the verified audit log.
 *
 * @param countsByType records per event type
 * @param records      total records
 * @param firstSeq     1, or null for an empty log
 * @param lastSeq      the head seq, or null for an empty log
 * @param headHash     the chain hash at the head
 * @param bytes        bytes the log occupies in the store
 * @param segments     segments (files) holding the log
 */
public record AuditSummaryView(SortedMap<String, Long> countsByType, long records, Long firstSeq, Long lastSeq,
                               String firstTime, String lastTime, String headHash, long bytes, int segments) {
}
