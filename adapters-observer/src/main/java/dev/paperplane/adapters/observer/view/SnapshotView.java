package dev.paperplane.adapters.observer.view;

/**
 * Metadata of one stored snapshot.
 *
 * @param valid   whether it is intact and bound to this log's chain at its seq
 * @param problem why it is not valid, or null
 */
public record SnapshotView(long seq, String chainHash, int schemaVersion, String checksum, long sizeBytes,
                           boolean valid, String problem) {
}
