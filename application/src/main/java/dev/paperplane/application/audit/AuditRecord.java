package dev.paperplane.application.audit;

import dev.paperplane.domain.audit.AuditEvent;
import java.util.Objects;

/**
 * One verified record of the audit log.
 *
 * @param seq   position in the log, 1-based and contiguous
 * @param event the decoded event
 * @param hash  lowercase hex chain hash of this record
 */
public record AuditRecord(long seq, AuditEvent event, String hash) {
    public AuditRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(hash, "hash");
    }
}
