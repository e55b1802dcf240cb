package dev.paperplane.application.audit.append;

import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import java.util.List;

/**
 * Appends to the audit log: one batch at a time, atomically and durably. An implementation holds the
 * store's single-writer lock for its whole life.
 */
public interface AuditAppendPort extends AutoCloseable {

    /** The head this writer will append after. */
    ChainHead head();

    /**
     * Appends one batch whose first seq follows the head, durably: on return every record is on stable
     * storage. A failure leaves the writer failed for good (no retry); no acknowledged record is lost.
     *
     * @throws AuditWriteException when the store could not take the batch
     */
    void append(List<EncodedRecord> batch);

    /** Releases the writer lock. */
    @Override
    void close();
}
