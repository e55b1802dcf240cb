package dev.paperplane.application.audit;

import dev.paperplane.domain.audit.AuditEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A record ready to store: its seq, its chain hash and its exact line bytes (UTF-8, ending in a newline).
 * Every store keeps exactly these bytes, so the chain is identical whichever store holds the log. Either
 * {@link SealedRecord}, made by this process's {@link Sealer} from an event, or {@link ForeignRecord}, bytes from
 * anywhere else; a store trusts only the first without decoding it again ({@link #verifyContinuation}).
 */
public sealed interface EncodedRecord permits SealedRecord, ForeignRecord {

    /** The record's position in the log. */
    long seq();

    /** The record's chain hash, 64 lowercase hex digits. */
    String hash();

    /** The line's bytes, newline included (a copy: a record's bytes cannot be changed once made). */
    byte[] line();

    /** The line's length in bytes, newline included. */
    int length();

    /** Puts the line's bytes, newline included, into {@code out}. */
    void writeTo(ByteBuffer out);

    /** A record of bytes from outside this process's sealer: a store verifies it in full before taking it. */
    static EncodedRecord of(long seq, String hash, byte[] line) {
        return new ForeignRecord(seq, hash, line.clone());
    }

    /**
     * What every store checks before it appends a batch: each record must be the canonical continuation of the
     * chain from {@code head}, carry the next seq and state the hash its line has. A {@link SealedRecord} sealed
     * right after the head it continues is all of that by construction and is not decoded or hashed again; any
     * other record is decoded and its hash recomputed.
     *
     * @return the batch's events, in order
     * @throws IllegalArgumentException naming the first record that does not continue the chain, and why
     */
    static List<AuditEvent> verifyContinuation(ChainHead head, List<EncodedRecord> batch) {
        List<AuditEvent> events = new ArrayList<>(batch.size());
        ChainHead at = head;
        ChainVerifier verifier = null;
        for (EncodedRecord record : batch) {
            // a run's records were sealed one on the other: the previous head is the very object, no compare
            if (record instanceof SealedRecord sealed && (sealed.previous() == at || sealed.previous().equals(at))) {
                events.add(sealed.event());
                at = sealed.head();
                verifier = null;
                continue;
            }
            if (verifier == null) {
                verifier = new ChainVerifier(at);
            }
            byte[] line = record.line();
            if (record.seq() != verifier.nextSeq()) {
                throw new IllegalArgumentException("batch refused: record seq " + record.seq()
                        + " does not follow seq " + at.seq() + " (the writer's head is seq " + head.seq() + ")");
            }
            if (line.length == 0 || line[line.length - 1] != '\n') {
                throw new IllegalArgumentException("batch refused: record seq " + record.seq()
                        + " does not end in a newline");
            }
            try {
                events.add(verifier.next(line, 0, line.length - 1).event());
            } catch (RecordFormatException e) {
                throw new IllegalArgumentException("batch refused: record seq " + record.seq() + " is not the "
                        + "canonical continuation of the chain: " + e.getMessage(), e);
            }
            at = verifier.head();
            if (!record.hash().equals(at.hash())) {
                throw new IllegalArgumentException("batch refused: record seq " + record.seq() + " states hash "
                        + record.hash() + " but its line hashes to " + at.hash());
            }
        }
        return events;
    }
}
