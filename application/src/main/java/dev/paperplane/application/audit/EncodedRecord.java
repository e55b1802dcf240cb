package dev.paperplane.application.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A record ready to store: its seq, its chain hash and its exact line bytes (UTF-8, ending in a newline).
 * Every store keeps exactly these bytes, so the chain is identical whichever store holds the log.
 */
public record EncodedRecord(long seq, String hash, byte[] line) {
    public EncodedRecord {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(line, "line");
    }

    /**
     * What every store checks before it appends a batch: each record, decoded, must be the canonical continuation
     * of the chain from {@code head}, carry the next seq and state the hash its line has.
     *
     * @return the batch's records, decoded
     * @throws IllegalArgumentException naming the first record that does not continue the chain, and why
     */
    public static List<AuditRecord> verifyContinuation(ChainHead head, List<EncodedRecord> batch) {
        ChainVerifier verifier = new ChainVerifier(head);
        List<AuditRecord> decoded = new ArrayList<>(batch.size());
        for (EncodedRecord record : batch) {
            byte[] line = record.line();
            if (record.seq() != verifier.nextSeq()) {
                throw new IllegalArgumentException("batch refused: record seq " + record.seq()
                        + " does not follow seq " + verifier.head().seq() + " (the writer's head is seq "
                        + head.seq() + ")");
            }
            if (line.length == 0 || line[line.length - 1] != '\n') {
                throw new IllegalArgumentException("batch refused: record seq " + record.seq()
                        + " does not end in a newline");
            }
            try {
                decoded.add(verifier.next(line, 0, line.length - 1));
            } catch (RecordFormatException e) {
                throw new IllegalArgumentException("batch refused: record seq " + record.seq() + " is not the "
                        + "canonical continuation of the chain: " + e.getMessage(), e);
            }
            if (!record.hash().equals(verifier.head().hash())) {
                throw new IllegalArgumentException("batch refused: record seq " + record.seq() + " states hash "
                        + record.hash() + " but its line hashes to " + verifier.head().hash());
            }
        }
        return decoded;
    }
}
