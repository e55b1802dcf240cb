package dev.paperplane.application.audit;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.session.RuntimeConfig;
import java.nio.charset.StandardCharsets;

/**
 * The canonical audit record: one line of UTF-8 JSON
 * {@code {"seq":n,"type":"T","time":"instant","payload":{...},"hash":"hex"}} and a newline, where the hash is
 * SHA-256 of the previous record's raw hash followed by the line's canonical bytes (the line without its hash
 * field and newline). Encoding is total and deterministic; decoding accepts exactly what encoding produces.
 */
public final class AuditCodec {

    /** Length of the line's tail {@code ,"hash":"<64 hex>"}}, without the newline. */
    static final int HASH_SUFFIX_LENGTH = 75;
    static final String HASH_FIELD = ",\"hash\":\"";

    private AuditCodec() {
    }

    /**
     * Encodes {@code event} as the record following {@code previous}: seq {@code previous.seq + 1}, chained to
     * {@code previous.hash}.
     *
     * @throws IllegalArgumentException when the event holds a value the canonical form cannot carry exactly
     *                                  (a decimal not at scale 8, a string with an unpaired surrogate)
     */
    public static EncodedRecord seal(ChainHead previous, AuditEvent event) {
        return new Sealer().seal(previous, event);
    }

    /**
     * The canonical bytes {@code canonical[0, length)} with the hash member (the 64 ASCII digits {@code hex}) put
     * before their closing brace, and {@code spare} bytes after.
     */
    static byte[] line(byte[] canonical, int length, byte[] hex, int spare) {
        int body = length - 1;
        byte[] line = new byte[body + HASH_SUFFIX_LENGTH + spare];
        System.arraycopy(canonical, 0, line, 0, body);
        int at = body;
        for (int i = 0; i < HASH_FIELD.length(); i++) {
            line[at++] = (byte) HASH_FIELD.charAt(i);
        }
        System.arraycopy(hex, 0, line, at, 64);
        at += 64;
        line[at++] = '"';
        line[at] = '}';
        return line;
    }

    /** The canonical bytes C of the record {@code seq} holding {@code event}: what its hash covers. */
    static byte[] canonicalBytes(long seq, AuditEvent event) {
        return writeCanonical(new CanonicalJsonWriter(256), seq, event).bytes();
    }

    /** Writes the canonical bytes of the record {@code seq} holding {@code event} to {@code out}. */
    static CanonicalJsonWriter writeCanonical(CanonicalJsonWriter out, long seq, AuditEvent event) {
        out.raw("{\"seq\":").number(seq).raw(",\"type\":").string(event.type());
        out.raw(",\"time\":").instant(event.time());
        out.raw(",\"payload\":");
        AuditSchema.writePayload(event, out);
        return out.raw("}");
    }

    /** The canonical JSON of an event's payload (everything but seq, type, time and hash). */
    public static String payloadJson(AuditEvent event) {
        CanonicalJsonWriter out = new CanonicalJsonWriter(192);
        AuditSchema.writePayload(event, out);
        return out.toString();
    }

    /** The canonical JSON of a configuration, as carried by {@code SessionStarted} and fingerprinted. */
    public static String configJson(RuntimeConfig config) {
        CanonicalJsonWriter out = new CanonicalJsonWriter(256);
        ConfigSchema.write(config, out);
        return out.toString();
    }

    /**
     * Verifies and decodes one line (without its newline) as the record following {@code previous}.
     *
     * @throws RecordFormatException when the line is not the canonical, correctly chained next record
     */
    public static AuditRecord open(ChainHead previous, byte[] buf, int off, int len) {
        return new ChainVerifier(previous).next(buf, off, len);
    }

    /**
     * Decodes one line's structure and event without checking it against any chain: the hash returned is the
     * one the line claims. Used to tell a damaged record from a well-formed one whose predecessor is unknown.
     *
     * @throws RecordFormatException when the line is not a canonical record
     */
    public static AuditRecord decodeUnverified(byte[] buf, int off, int len) {
        return new RecordDecoder().decode(buf, off, len);
    }

    /**
     * The seq and hash a line claims, read from its seq field and hash field only, without verification.
     *
     * @throws RecordFormatException when the line has no well-formed seq or hash field
     */
    public static ChainHead claimedHead(byte[] buf, int off, int len) {
        RecordDecoder decoder = new RecordDecoder();
        long seq = decoder.seqAndSuffix(buf, off, len);
        return new ChainHead(seq, new String(buf, off + len - 66, 64, StandardCharsets.ISO_8859_1));
    }

    /** {@code s} as a canonical JSON string, quotes included (the escaping of every string in a record). */
    public static String quote(String s) {
        return new CanonicalJsonWriter(s.length() + 2).string(s).toString();
    }
}
