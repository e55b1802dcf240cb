package dev.paperplane.application.audit;

import dev.paperplane.application.audit.append.EncodedRecord;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.runtime.RuntimeConfig;
import dev.paperplane.domain.strategy.StrategySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

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
    // EncodedRecord is exported to writers only; readers see the rest of this class and cannot call seal.
    @SuppressWarnings("exports")
    public static EncodedRecord seal(ChainHead previous, AuditEvent event) {
        long seq = Math.addExact(previous.seq(), 1);
        byte[] canonical = canonicalBytes(seq, event);
        byte[] hash = Sha256.chain(Sha256.newDigest(), Hex.parseHash(previous.hash()), canonical, 0,
                canonical.length);
        String hex = Hex.format(hash);
        byte[] line = line(canonical, hex, 1);
        line[line.length - 1] = '\n';
        return new EncodedRecord(seq, hex, line);
    }

    /**
     * The line {@code record} is stored as, without its newline: exactly the bytes a store holds for it, rebuilt
     * from the record (a verified record is canonical, so its encoding is its stored form).
     */
    public static byte[] storedLine(AuditRecord record) {
        return line(canonicalBytes(record.seq(), record.event()), record.hash(), 0);
    }

    /** The canonical bytes with the hash member put before their closing brace, and {@code spare} bytes after. */
    private static byte[] line(byte[] canonical, String hex, int spare) {
        int body = canonical.length - 1;
        byte[] line = new byte[body + HASH_SUFFIX_LENGTH + spare];
        System.arraycopy(canonical, 0, line, 0, body);
        int at = body;
        for (int i = 0; i < HASH_FIELD.length(); i++) {
            line[at++] = (byte) HASH_FIELD.charAt(i);
        }
        for (int i = 0; i < 64; i++) {
            line[at++] = (byte) hex.charAt(i);
        }
        line[at++] = '"';
        line[at] = '}';
        return line;
    }

    /** The canonical bytes C of the record {@code seq} holding {@code event}: what its hash covers. */
    static byte[] canonicalBytes(long seq, AuditEvent event) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"seq\":").append(seq).append(",\"type\":");
        string(out, event.type());
        out.append(",\"time\":");
        instant(out, event.time());
        out.append(",\"payload\":");
        payload(out, event);
        out.append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical JSON of an event's payload (everything but seq, type, time and hash). */
    public static String payloadJson(AuditEvent event) {
        StringBuilder out = new StringBuilder(192);
        payload(out, event);
        return out.toString();
    }

    /** The canonical JSON of a configuration, as carried by {@code SessionStarted} and fingerprinted. */
    public static String configJson(RuntimeConfig config) {
        StringBuilder out = new StringBuilder(256);
        config(out, config);
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

    private static void payload(StringBuilder out, AuditEvent event) {
        switch (event) {
            case SessionStarted e -> {
                out.append("{\"fingerprint\":");
                string(out, e.fingerprint());
                out.append(",\"config\":");
                config(out, e.config());
                out.append(",\"feed\":{\"name\":");
                string(out, e.feed().name());
                out.append(",\"sha256\":");
                string(out, e.feed().sha256());
                out.append("}}");
            }
            case MarketBarObserved e -> {
                Bar bar = e.bar();
                out.append("{\"instrument\":");
                string(out, bar.instrument());
                decimalField(out, "open", bar.open());
                decimalField(out, "high", bar.high());
                decimalField(out, "low", bar.low());
                decimalField(out, "close", bar.close());
                decimalField(out, "volume", bar.volume());
                out.append('}');
            }
            case DecisionRecorded e -> {
                out.append("{\"strategyId\":");
                string(out, e.strategyId());
                out.append(",\"strategyVersion\":").append(e.strategyVersion());
                out.append(",\"instrument\":");
                string(out, e.instrument());
                out.append(",\"action\":");
                string(out, e.action().name());
                decimalField(out, "quantity", e.quantity());
                out.append(",\"reason\":");
                string(out, e.reason());
                out.append(",\"indicators\":{");
                boolean first = true;
                for (Map.Entry<String, BigDecimal> entry : naturalOrder(e.indicators()).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(out, entry.getKey());
                    out.append(':');
                    decimal(out, "indicators." + entry.getKey(), entry.getValue());
                }
                out.append("}}");
            }
            case OrderRejected e -> {
                out.append("{\"strategyId\":");
                string(out, e.strategyId());
                out.append(",\"instrument\":");
                string(out, e.instrument());
                out.append(",\"side\":");
                string(out, e.side().name());
                decimalField(out, "quantity", e.quantity());
                decimalField(out, "price", e.price());
                out.append(",\"rule\":");
                string(out, e.rule().name());
                decimalField(out, "limit", e.limit());
                decimalField(out, "attempted", e.attempted());
                out.append('}');
            }
            case PaperOrderFilled e -> {
                out.append("{\"strategyId\":");
                string(out, e.strategyId());
                out.append(",\"instrument\":");
                string(out, e.instrument());
                out.append(",\"side\":");
                string(out, e.side().name());
                decimalField(out, "quantity", e.quantity());
                decimalField(out, "price", e.price());
                decimalField(out, "notional", e.notional());
                decimalField(out, "fee", e.fee());
                out.append('}');
            }
            case SessionCompleted e -> {
                out.append("{\"bars\":").append(e.bars());
                out.append(",\"decisions\":").append(e.decisions());
                out.append(",\"fills\":").append(e.fills());
                out.append(",\"rejections\":").append(e.rejections());
                decimalField(out, "equity", e.equity());
                out.append('}');
            }
        }
    }

    private static void config(StringBuilder out, RuntimeConfig config) {
        out.append("{\"environment\":");
        string(out, config.environment());
        out.append(",\"plane\":");
        string(out, config.plane().name());
        decimalField(out, "initialCash", config.initialCash());
        out.append(",\"fees\":{\"slippageBps\":").append(config.fees().slippageBps())
                .append(",\"feeBps\":").append(config.fees().feeBps()).append('}');
        out.append(",\"risk\":{\"maxPosition\":");
        decimal(out, "maxPosition", config.risk().maxPosition());
        decimalField(out, "maxOrderNotional", config.risk().maxOrderNotional());
        decimalField(out, "maxShort", config.risk().maxShort());
        out.append("},\"strategies\":[");
        boolean firstStrategy = true;
        for (StrategySpec spec : config.strategies()) {
            if (!firstStrategy) {
                out.append(',');
            }
            firstStrategy = false;
            out.append("{\"id\":");
            string(out, spec.id());
            out.append(",\"kind\":");
            string(out, spec.kind());
            out.append(",\"version\":").append(spec.version());
            out.append(",\"params\":{");
            boolean firstParam = true;
            for (Map.Entry<String, String> param : naturalOrder(spec.params()).entrySet()) {
                if (!firstParam) {
                    out.append(',');
                }
                firstParam = false;
                string(out, param.getKey());
                out.append(':');
                string(out, param.getValue());
            }
            out.append("}}");
        }
        out.append("]}");
    }

    /** The map in natural key order, whatever comparator it was built with. */
    private static <V> SortedMap<String, V> naturalOrder(SortedMap<String, V> map) {
        if (map.comparator() == null) {
            return map;
        }
        SortedMap<String, V> sorted = new TreeMap<>();
        sorted.putAll(map);
        return sorted;
    }

    private static void instant(StringBuilder out, Instant time) {
        out.append('"');
        DateTimeFormatter.ISO_INSTANT.formatTo(time, out);
        out.append('"');
    }

    private static void decimalField(StringBuilder out, String name, BigDecimal value) {
        out.append(",\"").append(name).append("\":");
        decimal(out, name, value);
    }

    private static void decimal(StringBuilder out, String name, BigDecimal value) {
        // Rounding here would log a value other than the one the runtime used: refuse instead.
        if (value.scale() != Decimals.SCALE) {
            throw new IllegalArgumentException(name + " " + value.toPlainString() + " has scale " + value.scale()
                    + "; audit decimals must have scale " + Decimals.SCALE + " (use Decimals.of)");
        }
        out.append('"').append(value.toPlainString()).append('"');
    }

    /** {@code s} as a canonical JSON string, quotes included (the escaping of every string in a record). */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        string(out, s);
        return out.toString();
    }

    /** Appends {@code s} as a canonical JSON string. */
    static void string(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                out.append("\\\"");
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20) {
                out.append("\\u00").append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xf]);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(++i));
                } else {
                    throw new IllegalArgumentException("string contains an unpaired surrogate at index " + i
                            + ", which UTF-8 cannot carry: " + s.substring(0, i));
                }
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();
}
