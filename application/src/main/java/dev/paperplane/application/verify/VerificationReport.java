package dev.paperplane.application.verify;

import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.TornTail;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of an offline verification.
 *
 * @param head          the last record that verified
 * @param stateDigest   {@code RuntimeState.digest()} of the replay up to {@code head}: equal on every JVM, locale and time zone
 * @param snapshotsChecked snapshots found equal to a replay up to their seq
 * @param corruption    the first record that failed, if any
 * @param findings      every problem found, in the order found (empty when everything holds)
 * @param tornTail      bytes after the log's last newline, if any: not part of the log, so not a problem
 */
public record VerificationReport(ChainHead head, String stateDigest, int snapshotsChecked, Optional<Corruption> corruption,
                                 List<String> findings, Optional<TornTail> tornTail) {
    public VerificationReport {
        findings = List.copyOf(findings);
    }

    /** Whether the seq is contiguous, the chain intact and every snapshot equal to a replay. */
    public boolean ok() {
        return findings.isEmpty();
    }

    /**
     * The first record that failed verification.
     *
     * @param seq     the seq expected at that place
     * @param segment the segment (file or table) holding it
     * @param offset  byte offset in the segment, -1 where offsets do not apply
     * @param reason  what is wrong
     */
    public record Corruption(long seq, String segment, long offset, String reason) {
    }
}
