package dev.paperplane.application.audit;

import dev.paperplane.domain.audit.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Reads one audit line's frame: the seq, type and time fields around the payload and the hash field after it.
 * The payload itself is {@link AuditSchema}'s, the tokens {@link CanonicalJsonReader}'s. It accepts exactly the
 * bytes {@link AuditCodec} writes, so decoding and re-encoding an accepted line always gives the same bytes.
 * Not thread-safe; reusable.
 */
final class RecordDecoder {

    private static final int MIN_LENGTH = "{\"seq\":0".length() + AuditCodec.HASH_SUFFIX_LENGTH;

    private final CanonicalJsonReader in = new CanonicalJsonReader();
    private byte[] buf;
    private int off;
    private int end;
    private int payloadStart;

    /** Decodes a whole line without chain verification. */
    AuditRecord decode(byte[] line, int from, int len) {
        long seq = seqAndSuffix(line, from, len, true);
        AuditEvent event = body();
        return new AuditRecord(seq, event, new String(buf, end - 66, 64, StandardCharsets.ISO_8859_1),
                payloadJson());
    }

    /**
     * Starts on a line: checks that it ends in a well-formed hash field and parses its seq field, leaving the
     * position just after the seq digits.
     */
    long seqAndSuffix(byte[] line, int from, int len) {
        return seqAndSuffix(line, from, len, true);
    }

    /**
     * {@link #seqAndSuffix(byte[], int, int)}, where {@code hashDigits} false leaves the 64 hash digits unchecked
     * unless another part of the line is malformed: a caller that compares them with a computed hash learns the
     * same cheaper, and calls {@link #checkHashDigits()} when they differ. Errors are reported in the same order
     * either way.
     */
    long seqAndSuffix(byte[] line, int from, int len, boolean hashDigits) {
        if (from < 0 || len < 0 || from + len > line.length) {
            throw new IndexOutOfBoundsException("line [" + from + ", " + (from + len) + ") of " + line.length);
        }
        this.buf = line;
        this.off = from;
        this.end = from + len;
        in.start(line, from, end);
        if (len < MIN_LENGTH) {
            throw new RecordFormatException("a record line has at least " + MIN_LENGTH + " bytes, this one "
                    + len, 0);
        }
        int suffix = end - AuditCodec.HASH_SUFFIX_LENGTH;
        for (int i = 0; i < AuditCodec.HASH_FIELD.length(); i++) {
            if (line[suffix + i] != AuditCodec.HASH_FIELD.charAt(i)) {
                throw new RecordFormatException("the record does not end in ,\"hash\":\"<64 lowercase hex>\"}",
                        suffix + i - off);
            }
        }
        boolean closed = line[end - 2] == '"' && line[end - 1] == '}';
        if (hashDigits || !closed) {
            checkHashDigits();
        }
        if (!closed) {
            throw new RecordFormatException("the record does not end in ,\"hash\":\"<64 lowercase hex>\"}",
                    len - 2);
        }
        if (hashDigits) {
            in.expect("{\"seq\":");
            return in.unsignedLong("seq");
        }
        try {
            in.expect("{\"seq\":");
            return in.unsignedLong("seq");
        } catch (RecordFormatException e) {
            checkHashDigits();
            throw e;
        }
    }

    /** Checks that the current line's stored hash is 64 lowercase hex digits. */
    void checkHashDigits() {
        for (int i = end - 66; i < end - 2; i++) {
            if (Hex.digit(buf[i]) < 0) {
                throw new RecordFormatException("the hash is not 64 lowercase hex digits", i - off);
            }
        }
    }

    /** Parses type, time and payload after the seq field; the payload must end where the hash field begins. */
    AuditEvent body() {
        in.expect(",\"type\":");
        AuditSchema.EventType<?> type = AuditSchema.readType(in);
        in.expect(",\"time\":");
        Instant time = in.instant();
        in.expect(",\"payload\":");
        payloadStart = in.position();
        AuditEvent event;
        try {
            event = type.read(time, in);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new RecordFormatException("the " + type.name() + " payload breaks a domain rule: "
                    + e.getMessage(), payloadStart - off);
        }
        if (in.position() != end - AuditCodec.HASH_SUFFIX_LENGTH) {
            throw in.fail("expected ,\"hash\": after the payload, found " + in.snippet());
        }
        return event;
    }

    /** The payload of the line {@link #body()} just decoded, exactly as stored: its canonical JSON. */
    String payloadJson() {
        return new String(buf, payloadStart, end - AuditCodec.HASH_SUFFIX_LENGTH - payloadStart,
                StandardCharsets.UTF_8);
    }
}
