package dev.paperplane.application.audit;

import dev.paperplane.domain.audit.AuditEvent;
import java.nio.ByteBuffer;

/**
 * A record {@link Sealer} made from an event in this process: its line is the event's canonical encoding and its
 * hash that line's chain hash after {@link #previous()}, by construction. Only the sealer creates one, and its bytes
 * never leave it but as copies, so a store may take it after checking only that it follows the store's head.
 */
public final class SealedRecord implements EncodedRecord {
    private final ChainHead previous;
    private final ChainHead head;
    private final AuditEvent event;
    private final byte[] line;

    SealedRecord(ChainHead previous, ChainHead head, AuditEvent event, byte[] line) {
        this.previous = previous;
        this.head = head;
        this.event = event;
        this.line = line;
    }

    /** The head this record was sealed after. */
    public ChainHead previous() {
        return previous;
    }

    /** The chain's head with this record: its seq and hash. */
    public ChainHead head() {
        return head;
    }

    /** The event the record holds. */
    public AuditEvent event() {
        return event;
    }

    @Override
    public long seq() {
        return head.seq();
    }

    @Override
    public String hash() {
        return head.hash();
    }

    @Override
    public byte[] line() {
        return line.clone();
    }

    @Override
    public int length() {
        return line.length;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        out.put(line);
    }

    @Override
    public String toString() {
        return "SealedRecord[seq=" + head.seq() + ", hash=" + head.hash() + ", type=" + event.type() + "]";
    }
}
