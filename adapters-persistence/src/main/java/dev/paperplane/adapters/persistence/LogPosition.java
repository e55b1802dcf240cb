package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.ChainHead;

/**
 * A point between two records of the log: the segment and byte offset where the next record starts, and the
 * chain head it follows. A reader's scan front is one (where verification stopped); so is every entry of its
 * seq index (where a verified record starts).
 *
 * @param segment the first seq of the segment, its key among the segments
 * @param offset  the byte offset in that segment
 * @param head    the last record before this point, or {@link ChainHead#GENESIS}
 */
record LogPosition(long segment, long offset, ChainHead head) {
    /** Before the first record. */
    static final LogPosition GENESIS = new LogPosition(1, 0, ChainHead.GENESIS);

    /** The seq of the record that starts here. */
    long nextSeq() {
        return head.seq() + 1;
    }
}
