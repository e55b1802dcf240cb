package dev.paperplane.application.audit;

import dev.paperplane.domain.audit.AuditEvent;
import java.util.Objects;

/**
 * One verified record of the audit log.
 *
 * @param seq         position in the log, 1-based and contiguous
 * @param event       the decoded event
 * @param hash        lowercase hex chain hash of this record
 * @param payloadJson the event's payload exactly as stored: its canonical JSON, equal to
 *                    {@link AuditCodec#payloadJson(AuditEvent)} of the event, kept so that showing a record
 *                    needs no encoding
 */
public record AuditRecord(long seq, AuditEvent event, String hash, String payloadJson) {
    public AuditRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
