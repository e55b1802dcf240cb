package dev.paperplane.application.audit;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the audit log. Never locks, never writes, and returns only complete records whose chain hash
 * verifies, even while a writer appends.
 */
public interface AuditReadPort {

    /** The last complete, verified record's seq and hash; {@link ChainHead#GENESIS} when empty. */
    ChainHead head();

    /** The record at {@code seq}, or empty when {@code seq} is beyond the head. */
    Optional<AuditRecord> read(long seq);

    /**
     * The records after {@code afterSeq}, in seq order, up to the head as it was when the stream was opened.
     * The stream holds open files or connections: close it.
     *
     * @throws AuditCorruptionException (from the stream) when a record fails verification
     */
    Stream<AuditRecord> readAfter(long afterSeq);

    /**
     * The stored lines of the records after {@code afterSeq}, without their newlines, in seq order, up to the head
     * as it was when the stream was opened: each verified against the chain as {@link #readAfter} verifies, none
     * decoded, the bytes exactly as stored (never encoded again). The stream holds open files or connections: close
     * it.
     *
     * @throws AuditCorruptionException (from the stream) when a record fails verification
     */
    Stream<StoredLine> linesAfter(long afterSeq);

    /** Size and location of the stored log. */
    AuditStorage storage();

    /**
     * Whether the store is a read-only replica (a PostgreSQL hot standby) and its replay lag; {@link Replica#NONE}
     * for a store that replicates nothing.
     */
    default Replica replica() {
        return Replica.NONE;
    }

    /** The bytes after the last newline of the log, if any: a store that keeps whole records only has none. */
    default Optional<TornTail> tornTail() {
        return Optional.empty();
    }
}
