package dev.paperplane.application.audit.append;

import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import java.util.ArrayList;
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

    /**
     * Appends batches in order, each following the one before, durably: on return every record is on stable
     * storage, and the store holds what appending the batches one by one would have left, in fewer durable writes
     * (a copy's bulk load, or {@code run}'s groups of whole bars under one force). By default they are appended as one batch; a store whose layout depends on
     * where batches begin (the file store starts segments only before one) splits them itself. A failure leaves
     * the writer failed for good, as {@link #append} does.
     *
     * @throws AuditWriteException when the store could not take the batches
     */
    default void appendBatches(List<List<EncodedRecord>> batches) {
        List<EncodedRecord> all = new ArrayList<>();
        batches.forEach(all::addAll);
        append(all);
    }

    /** Releases the writer lock. */
    @Override
    void close();
}
