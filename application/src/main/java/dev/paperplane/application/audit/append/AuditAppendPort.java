package dev.paperplane.application.audit.append;

import dev.paperplane.application.audit.ChainHead;
import java.util.List;

/**
 * Appends to the audit log: batches of whole bars, alone or grouped under one force, durably. An implementation holds the
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
    default void append(List<EncodedRecord> batch) {
        appendGroup(List.of(batch));
    }

    /**
     * Appends whole batches in order, each continuing the one before, and makes them durable together: one force
     * (one transaction) for the group, never one inside a batch. The log is laid out as if each batch had been
     * appended alone (a file store starts segments only between batches, by the same rule); on return every record
     * is on stable storage. A failure leaves the writer failed for good (no retry); no acknowledged record is lost,
     * and the records of the group may be stored in part, ending at a record boundary or in a torn tail.
     *
     * @throws AuditWriteException when the store could not take the group
     */
    void appendGroup(List<List<EncodedRecord>> batches);

    /** Releases the writer lock. */
    @Override
    void close();
}
