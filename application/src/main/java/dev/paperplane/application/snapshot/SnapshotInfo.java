package dev.paperplane.application.snapshot;

import java.util.Optional;

/**
 * Metadata of one stored snapshot, valid or not.
 *
 * @param seq           seq the snapshot claims
 * @param chainHash     chain hash the snapshot claims at {@code seq}
 * @param schemaVersion state encoding version
 * @param checksum      checksum recorded with the snapshot
 * @param sizeBytes     stored size
 * @param problem       why the snapshot cannot be used (bad checksum, unknown schema, unreadable), or empty
 */
public record SnapshotInfo(long seq, String chainHash, int schemaVersion, String checksum, long sizeBytes,
                           Optional<String> problem) {
    /** Whether the stored snapshot itself is intact (its binding to the log is checked on load). */
    public boolean valid() {
        return problem.isEmpty();
    }
}
