package dev.paperplane.application.audit;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.execution.ExecutionPlane;
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.risk.RiskLimits;
import dev.paperplane.domain.risk.RiskRule;
import dev.paperplane.domain.runtime.FeedIdentity;
import dev.paperplane.domain.runtime.RuntimeConfig;
import dev.paperplane.domain.strategy.StrategySpec;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A strict, hand-written parser of one audit line. It accepts exactly the bytes {@link AuditCodec} writes:
 * fixed field order, no whitespace, canonical numbers, decimals, instants and string escapes, and sorted map
 * keys. So decoding and re-encoding an accepted line always gives the same bytes. Not thread-safe; reusable.
 */
final class RecordDecoder {

    private static final String[] TYPES = {
            "SessionStarted", "MarketBarObserved", "DecisionRecorded", "OrderRejected", "PaperOrderFilled",
            "SessionCompleted"};
    private static final Action[] ACTIONS = Action.values();
    private static final RiskRule[] RULES = RiskRule.values();
    private static final ExecutionPlane[] PLANES = ExecutionPlane.values();
    private static final int MIN_LENGTH = "{\"seq\":0".length() + AuditCodec.HASH_SUFFIX_LENGTH;

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] scratch = new byte[256];
    private byte[] buf;
    private int off;
    private int pos;
    private int end;
    // consecutive records almost always share a date: remember the last one's epoch day
    private int lastDate = -1;
    private long lastEpochDay;

    /** Decodes a whole line without chain verification. */
    AuditRecord decode(byte[] line, int from, int len) {
        long seq = seqAndSuffix(line, from, len, true);
        AuditEvent event = body();
        return new AuditRecord(seq, event, new String(buf, end - 66, 64, StandardCharsets.ISO_8859_1));
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
        this.pos = from;
        this.end = from + len;
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
            expect("{\"seq\":");
            return unsignedLong("seq");
        }
        try {
            expect("{\"seq\":");
            return unsignedLong("seq");
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
        expect(",\"type\":");
        int type = type();
        expect(",\"time\":");
        Instant time = instant();
        expect(",\"payload\":");
        int payloadStart = pos;
        AuditEvent event;
        try {
            event = switch (type) {
                case 0 -> sessionStarted(time);
                case 1 -> marketBarObserved(time);
                case 2 -> decisionRecorded(time);
                case 3 -> orderRejected(time);
                case 4 -> paperOrderFilled(time);
                default -> sessionCompleted(time);
            };
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new RecordFormatException("the " + TYPES[type] + " payload breaks a domain rule: "
                    + e.getMessage(), payloadStart - off);
        }
        if (pos != end - AuditCodec.HASH_SUFFIX_LENGTH) {
            throw fail("expected ,\"hash\": after the payload, found " + snippet());
        }
        return event;
    }

    private AuditEvent sessionStarted(Instant time) {
        expect("{\"fingerprint\":");
        int fingerprintAt = pos;
        String fingerprint = string();
        expect(",\"config\":");
        int configStart = pos;
        RuntimeConfig config = config();
        // the fingerprint is defined as the SHA-256 of these very bytes (docs/data-formats.md)
        MessageDigest digest = Sha256.newDigest();
        digest.update(buf, configStart, pos - configStart);
        String actual = Hex.format(digest.digest());
        if (!actual.equals(fingerprint)) {
            throw new RecordFormatException("the SessionStarted fingerprint " + fingerprint + " is not the SHA-256 "
                    + "of its config, which hashes to " + actual, fingerprintAt - off);
        }
        expect(",\"feed\":{\"name\":");
        String name = string();
        expect(",\"sha256\":");
        String sha256 = string();
        expect("}}");
        return new SessionStarted(time, fingerprint, config, new FeedIdentity(name, sha256));
    }

    private RuntimeConfig config() {
        expect("{\"environment\":");
        String environment = string();
        expect(",\"plane\":");
        ExecutionPlane plane = enumValue(PLANES, "plane");
        expect(",\"initialCash\":");
        BigDecimal initialCash = decimal();
        expect(",\"fees\":{\"slippageBps\":");
        int slippage = signedInt("slippageBps");
        expect(",\"feeBps\":");
        int fee = signedInt("feeBps");
        expect("},\"risk\":{\"maxPosition\":");
        BigDecimal maxPosition = decimal();
        expect(",\"maxOrderNotional\":");
        BigDecimal maxOrderNotional = decimal();
        expect(",\"maxShort\":");
        BigDecimal maxShort = decimal();
        expect("},\"strategies\":[");
        List<StrategySpec> strategies = new ArrayList<>();
        if (peek() != ']') {
            do {
                strategies.add(strategy());
            } while (comma());
        }
        expect("]}");
        return new RuntimeConfig(environment, plane, initialCash, new FeeModel(slippage, fee),
                new RiskLimits(maxPosition, maxOrderNotional, maxShort), strategies);
    }

    private StrategySpec strategy() {
        expect("{\"id\":");
        String id = string();
        expect(",\"kind\":");
        String kind = string();
        expect(",\"version\":");
        int version = signedInt("version");
        expect(",\"params\":{");
        SortedMap<String, String> params = new TreeMap<>();
        if (peek() != '}') {
            String previous = null;
            do {
                String key = sortedKey(previous, "params");
                expect(":");
                params.put(key, string());
                previous = key;
            } while (comma());
        }
        expect("}}");
        return new StrategySpec(id, kind, version, params);
    }

    private AuditEvent marketBarObserved(Instant time) {
        expect("{\"instrument\":");
        String instrument = string();
        expect(",\"open\":");
        BigDecimal open = decimal();
        expect(",\"high\":");
        BigDecimal high = decimal();
        expect(",\"low\":");
        BigDecimal low = decimal();
        expect(",\"close\":");
        BigDecimal close = decimal();
        expect(",\"volume\":");
        BigDecimal volume = decimal();
        expect("}");
        return new MarketBarObserved(new Bar(time, instrument, open, high, low, close, volume));
    }

    private AuditEvent decisionRecorded(Instant time) {
        expect("{\"strategyId\":");
        String strategyId = string();
        expect(",\"strategyVersion\":");
        int version = signedInt("strategyVersion");
        expect(",\"instrument\":");
        String instrument = string();
        expect(",\"action\":");
        Action action = enumValue(ACTIONS, "action");
        expect(",\"quantity\":");
        BigDecimal quantity = decimal();
        expect(",\"reason\":");
        String reason = string();
        expect(",\"indicators\":{");
        SortedMap<String, BigDecimal> indicators = new TreeMap<>();
        if (peek() != '}') {
            String previous = null;
            do {
                String key = sortedKey(previous, "indicators");
                expect(":");
                indicators.put(key, decimal());
                previous = key;
            } while (comma());
        }
        expect("}}");
        return new DecisionRecorded(time, strategyId, version, instrument, action, quantity, reason, indicators);
    }

    private AuditEvent orderRejected(Instant time) {
        expect("{\"strategyId\":");
        String strategyId = string();
        expect(",\"instrument\":");
        String instrument = string();
        expect(",\"side\":");
        Action side = enumValue(ACTIONS, "side");
        expect(",\"quantity\":");
        BigDecimal quantity = decimal();
        expect(",\"price\":");
        BigDecimal price = decimal();
        expect(",\"rule\":");
        RiskRule rule = enumValue(RULES, "rule");
        expect(",\"limit\":");
        BigDecimal limit = decimal();
        expect(",\"attempted\":");
        BigDecimal attempted = decimal();
        expect("}");
        return new OrderRejected(time, strategyId, instrument, side, quantity, price, rule, limit, attempted);
    }

    private AuditEvent paperOrderFilled(Instant time) {
        expect("{\"strategyId\":");
        String strategyId = string();
        expect(",\"instrument\":");
        String instrument = string();
        expect(",\"side\":");
        Action side = enumValue(ACTIONS, "side");
        expect(",\"quantity\":");
        BigDecimal quantity = decimal();
        expect(",\"price\":");
        BigDecimal price = decimal();
        expect(",\"notional\":");
        BigDecimal notional = decimal();
        expect(",\"fee\":");
        BigDecimal fee = decimal();
        expect("}");
        return new PaperOrderFilled(time, strategyId, instrument, side, quantity, price, notional, fee);
    }

    private AuditEvent sessionCompleted(Instant time) {
        expect("{\"bars\":");
        long bars = signedLong("bars");
        expect(",\"decisions\":");
        long decisions = signedLong("decisions");
        expect(",\"fills\":");
        long fills = signedLong("fills");
        expect(",\"rejections\":");
        long rejections = signedLong("rejections");
        expect(",\"equity\":");
        BigDecimal equity = decimal();
        expect("}");
        return new SessionCompleted(time, bars, decisions, fills, rejections, equity);
    }

    // ---- tokens ----

    private int type() {
        int start = pos;
        int len = asciiToken("type");
        for (int t = 0; t < TYPES.length; t++) {
            if (matches(start + 1, len, TYPES[t])) {
                return t;
            }
        }
        throw new RecordFormatException("unknown record type \"" + new String(buf, start + 1, len,
                StandardCharsets.ISO_8859_1) + "\"", start - off);
    }

    private <E extends Enum<E>> E enumValue(E[] values, String field) {
        int start = pos;
        int len = asciiToken(field);
        for (E value : values) {
            if (matches(start + 1, len, value.name())) {
                return value;
            }
        }
        throw new RecordFormatException("unknown " + field + " \"" + new String(buf, start + 1, len,
                StandardCharsets.ISO_8859_1) + "\"", start - off);
    }

    /** Skips a quoted string of plain ASCII letters, digits and underscores; returns its length. */
    private int asciiToken(String field) {
        expectByte('"', field);
        int start = pos;
        while (pos < end && isNameByte(buf[pos])) {
            pos++;
        }
        if (pos >= end || buf[pos] != '"') {
            throw fail(field + " is not a quoted name");
        }
        pos++;
        return pos - 1 - start;
    }

    private static boolean isNameByte(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_';
    }

    private boolean matches(int from, int len, String name) {
        if (len != name.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf[from + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String sortedKey(String previous, String map) {
        int start = pos;
        String key = string();
        if (previous != null && previous.compareTo(key) >= 0) {
            throw new RecordFormatException("keys of " + map + " must be unique and in ascending order: \""
                    + key + "\" follows \"" + previous + "\"", start - off);
        }
        return key;
    }

    /** A canonical JSON string: only a quote, a backslash and U+0000-U+001F (as lowercase u00xx) are escaped. */
    private String string() {
        expectByte('"', "string");
        int start = pos;
        boolean ascii = true;
        while (true) {
            if (pos >= end) {
                throw fail("unterminated string");
            }
            byte b = buf[pos];
            if (b == '"') {
                break;
            }
            if (b == '\\') {
                return escapedString(start, ascii);
            }
            if (b >= 0 && b < 0x20) {
                throw fail(String.format("raw control character U+%04X in a string: it must be written as \\u%04x",
                        (int) b, (int) b));
            }
            if (b < 0) {
                ascii = false;
            }
            pos++;
        }
        int len = pos - start;
        pos++;
        return ascii ? new String(buf, start, len, StandardCharsets.ISO_8859_1) : utf8(buf, start, len, start);
    }

    private String escapedString(int start, boolean asciiSoFar) {
        int n = 0;
        for (int i = start; i < pos; i++) {
            scratch = ensure(scratch, n + 1);
            scratch[n++] = buf[i];
        }
        boolean ascii = asciiSoFar;
        while (true) {
            if (pos >= end) {
                throw fail("unterminated string");
            }
            byte b = buf[pos];
            if (b == '"') {
                break;
            }
            scratch = ensure(scratch, n + 1);
            if (b == '\\') {
                scratch[n++] = escape();
                continue;
            }
            if (b >= 0 && b < 0x20) {
                throw fail(String.format("raw control character U+%04X in a string: it must be written as \\u%04x",
                        (int) b, (int) b));
            }
            if (b < 0) {
                ascii = false;
            }
            scratch[n++] = b;
            pos++;
        }
        pos++;
        return ascii ? new String(scratch, 0, n, StandardCharsets.ISO_8859_1) : utf8(scratch, 0, n, start);
    }

    private byte escape() {
        int at = pos;
        if (pos + 1 >= end) {
            throw fail("unterminated escape");
        }
        byte c = buf[pos + 1];
        if (c == '"' || c == '\\') {
            pos += 2;
            return c;
        }
        if (c == 'u' && pos + 5 < end && buf[pos + 2] == '0' && buf[pos + 3] == '0') {
            int hi = Hex.digit(buf[pos + 4]);
            int lo = Hex.digit(buf[pos + 5]);
            if (hi >= 0 && hi <= 1 && lo >= 0) {
                pos += 6;
                return (byte) (hi << 4 | lo);
            }
        }
        throw new RecordFormatException("non-canonical escape " + snippetAt(at, 6) + ": only \\\", \\\\ and "
                + "lowercase \\u0000-\\u001f are written", at - off);
    }

    private String utf8(byte[] bytes, int from, int len, int reportAt) {
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, from, len)).toString();
        } catch (CharacterCodingException e) {
            throw new RecordFormatException("a string is not valid UTF-8", reportAt - off);
        }
    }

    /** A decimal string: optional minus, integer digits without leading zeros, a point, exactly 8 digits. */
    private BigDecimal decimal() {
        expectByte('"', "decimal");
        int start = pos;
        boolean negative = false;
        if (pos < end && buf[pos] == '-') {
            negative = true;
            pos++;
        }
        // one pass: the digits are accumulated as they are checked; the sum is used only if it cannot overflow
        long unscaled = 0;
        int intStart = pos;
        while (pos < end && isDigit(buf[pos])) {
            unscaled = unscaled * 10 + (buf[pos++] - '0');
        }
        int intDigits = pos - intStart;
        if (intDigits == 0) {
            throw fail("a decimal must start with a digit");
        }
        if (intDigits > 1 && buf[intStart] == '0') {
            throw new RecordFormatException("a decimal has a leading zero", intStart - off);
        }
        if (pos >= end || buf[pos] != '.') {
            throw fail("a decimal must have exactly " + Decimals.SCALE + " fraction digits");
        }
        pos++;
        int fracStart = pos;
        while (pos < end && isDigit(buf[pos])) {
            unscaled = unscaled * 10 + (buf[pos++] - '0');
        }
        if (pos - fracStart != Decimals.SCALE) {
            throw new RecordFormatException("a decimal must have exactly " + Decimals.SCALE
                    + " fraction digits, found " + (pos - fracStart), fracStart - off);
        }
        if (pos >= end || buf[pos] != '"') {
            throw fail("a decimal string must end after its fraction digits");
        }
        BigDecimal value;
        if (intDigits + Decimals.SCALE <= 18) {
            if (negative && unscaled == 0) {
                throw new RecordFormatException("a decimal zero has no sign", start - off);
            }
            value = BigDecimal.valueOf(negative ? -unscaled : unscaled, Decimals.SCALE);
        } else {
            value = new BigDecimal(new String(buf, start, pos - start, StandardCharsets.ISO_8859_1));
        }
        pos++;
        return value;
    }

    private long unsignedLong(String field) {
        int start = pos;
        long value = 0;
        while (pos < end && isDigit(buf[pos])) {
            int d = buf[pos] - '0';
            if (value > (Long.MAX_VALUE - d) / 10) {
                throw new RecordFormatException(field + " is out of range", start - off);
            }
            value = value * 10 + d;
            pos++;
        }
        checkIntegerDigits(field, start, pos - start);
        return value;
    }

    private long signedLong(String field) {
        int start = pos;
        boolean negative = pos < end && buf[pos] == '-';
        if (negative) {
            pos++;
        }
        int digitsStart = pos;
        // accumulate negatively so that Long.MIN_VALUE round-trips
        long value = 0;
        while (pos < end && isDigit(buf[pos])) {
            int d = buf[pos] - '0';
            if (value < (Long.MIN_VALUE + d) / 10) {
                throw new RecordFormatException(field + " is out of range", start - off);
            }
            value = value * 10 - d;
            pos++;
        }
        checkIntegerDigits(field, digitsStart, pos - digitsStart);
        if (negative) {
            if (value == 0) {
                throw new RecordFormatException(field + " is a negative zero", start - off);
            }
            return value;
        }
        if (value == Long.MIN_VALUE) {
            throw new RecordFormatException(field + " is out of range", start - off);
        }
        return -value;
    }

    private int signedInt(String field) {
        int start = pos;
        long value = signedLong(field);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new RecordFormatException(field + " is out of range", start - off);
        }
        return (int) value;
    }

    private void checkIntegerDigits(String field, int start, int digits) {
        if (digits == 0) {
            throw new RecordFormatException(field + " must be an integer", start - off);
        }
        if (digits > 1 && buf[start] == '0') {
            throw new RecordFormatException(field + " has a leading zero", start - off);
        }
    }

    /** An instant in {@link DateTimeFormatter#ISO_INSTANT} form: UTC, 'Z', fraction of 0, 3, 6 or 9 digits. */
    private Instant instant() {
        expectByte('"', "time");
        int start = pos;
        Instant fast = fastInstant();
        if (fast != null) {
            return fast;
        }
        pos = start;
        while (pos < end && buf[pos] != '"' && buf[pos] >= 0x20) {
            pos++;
        }
        if (pos >= end || buf[pos] != '"') {
            throw new RecordFormatException("time is not a quoted instant", start - off);
        }
        String text = new String(buf, start, pos - start, StandardCharsets.UTF_8);
        pos++;
        Instant parsed;
        try {
            parsed = DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        } catch (DateTimeException e) {
            throw new RecordFormatException("time \"" + text + "\" is not an ISO-8601 UTC instant", start - off);
        }
        String canonical = DateTimeFormatter.ISO_INSTANT.format(parsed);
        if (!canonical.equals(text)) {
            throw new RecordFormatException("time \"" + text + "\" is not canonical: write \"" + canonical + "\"",
                    start - off);
        }
        return parsed;
    }

    /** Parses {@code yyyy-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z"}; null when the shape differs (let the slow path judge). */
    private Instant fastInstant() {
        int p = pos;
        if (end - p < 21 || buf[p + 4] != '-' || buf[p + 7] != '-' || buf[p + 10] != 'T' || buf[p + 13] != ':'
                || buf[p + 16] != ':') {
            return null;
        }
        int year = digits(p, 4);
        int month = digits(p + 5, 2);
        int day = digits(p + 8, 2);
        int hour = digits(p + 11, 2);
        int minute = digits(p + 14, 2);
        int second = digits(p + 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int q = p + 19;
        int nanos = 0;
        if (buf[q] == '.') {
            q++;
            int fracStart = q;
            while (q < end && isDigit(buf[q])) {
                q++;
            }
            int n = q - fracStart;
            if (n != 3 && n != 6 && n != 9) {
                return null;
            }
            nanos = digits(fracStart, n);
            for (int i = n; i < 9; i++) {
                nanos *= 10;
            }
            if (digits(q - 3, 3) == 0) {
                return null;
            }
        }
        if (end - q < 2 || buf[q] != 'Z' || buf[q + 1] != '"' || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int date = (year * 100 + month) * 100 + day;
        long epochDay = lastEpochDay;
        if (date != lastDate) {
            try {
                epochDay = LocalDate.of(year, month, day).toEpochDay();
            } catch (DateTimeException e) {
                return null;
            }
            lastDate = date;
            lastEpochDay = epochDay;
        }
        pos = q + 2;
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private int digits(int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            if (!isDigit(buf[i])) {
                return -1;
            }
            value = value * 10 + (buf[i] - '0');
        }
        return value;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    // ---- punctuation ----

    private int peek() {
        return pos < end ? buf[pos] : -1;
    }

    private boolean comma() {
        if (pos < end && buf[pos] == ',') {
            pos++;
            return true;
        }
        return false;
    }

    private void expectByte(char c, String what) {
        if (pos >= end || buf[pos] != c) {
            throw fail("expected " + c + " to open " + what + ", found " + snippet());
        }
        pos++;
    }

    private void expect(String literal) {
        int n = literal.length();
        for (int i = 0; i < n; i++) {
            if (pos + i >= end || buf[pos + i] != literal.charAt(i)) {
                throw fail("expected " + literal + ", found " + snippet());
            }
        }
        pos += n;
    }

    private RecordFormatException fail(String reason) {
        return new RecordFormatException(reason, pos - off);
    }

    private String snippet() {
        return pos >= end ? "end of record" : snippetAt(pos, 24);
    }

    private String snippetAt(int at, int max) {
        int n = Math.min(max, end - at);
        StringBuilder s = new StringBuilder(n + 2).append('`');
        for (int i = at; i < at + n; i++) {
            int b = buf[i] & 0xff;
            if (b < 0x20 || b >= 0x7f) {
                s.append(String.format("<%02x>", b));
            } else {
                s.append((char) b);
            }
        }
        return s.append('`').toString();
    }

    private static byte[] ensure(byte[] array, int size) {
        if (size <= array.length) {
            return array;
        }
        byte[] bigger = new byte[Math.max(size, array.length * 2)];
        System.arraycopy(array, 0, bigger, 0, array.length);
        return bigger;
    }
}
