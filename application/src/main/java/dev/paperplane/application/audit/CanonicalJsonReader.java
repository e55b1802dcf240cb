package dev.paperplane.application.audit;

import dev.paperplane.application.text.UtcTime;
import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A strict cursor over canonical JSON bytes, knowing no schema: literals, strings, decimals, integers, instants
 * and names, each accepted only in the one form {@link CanonicalJsonWriter} writes. Every failure is a
 * {@link RecordFormatException} at its byte position within the line. Not thread-safe; reusable, so replaying
 * a log allocates little beyond the values read.
 * <p>
 * Over 350 lines: one tokenizer whose readers share the position, the bounds and the error reporting, and whose
 * fast paths (decimals in one pass, instants without a formatter) are the replay's hot loop.
 */
final class CanonicalJsonReader {

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] scratch = new byte[256];
    private byte[] buf;
    private int off;
    private int pos;
    private int end;
    // consecutive records almost always share a date: remember the last one's epoch day
    private final UtcTime times = new UtcTime();

    /** Starts on {@code buf[from, end)}, positions reported relative to {@code from}. */
    void start(byte[] line, int from, int to) {
        this.buf = line;
        this.off = from;
        this.pos = from;
        this.end = to;
    }

    /** The cursor's index into the buffer. */
    int position() {
        return pos;
    }

    /** The SHA-256 of the bytes read since {@code from} (a {@link #position()}), in lowercase hex. */
    String sha256Since(int from) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(buf, from, pos - from);
        return Hex.format(digest.digest());
    }

    // ---- names ----

    /**
     * Reads a quoted name and returns the option so named.
     *
     * @param field names the value in "is not a quoted name"
     * @param what  names the value in "unknown what "x""
     */
    <T> T oneOf(T[] options, Function<? super T, String> nameOf, String field, String what) {
        int start = pos;
        int len = asciiToken(field);
        for (T option : options) {
            if (matches(start + 1, len, nameOf.apply(option))) {
                return option;
            }
        }
        throw new RecordFormatException("unknown " + what + " \"" + new String(buf, start + 1, len,
                StandardCharsets.ISO_8859_1) + "\"", start - off);
    }

    /** Reads a quoted constant name of {@code values}. */
    <E extends Enum<E>> E enumValue(E[] values, String field) {
        return oneOf(values, Enum::name, field, field);
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

    // ---- strings ----

    /**
     * The entries of an object whose keys are unique and ascending, read up to its closing brace (not consumed).
     *
     * @param map names the object in errors
     */
    <V> SortedMap<String, V> sortedEntries(String map, Supplier<V> value) {
        SortedMap<String, V> entries = new TreeMap<>();
        if (peek() != '}') {
            String previous = null;
            do {
                String key = sortedKey(previous, map);
                expect(":");
                entries.put(key, value.get());
                previous = key;
            } while (comma());
        }
        return entries;
    }

    /** A key of the map {@code map}, which must sort after {@code previous} (null for the first key). */
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
    String string() {
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
                throw rawControl(b);
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
                throw rawControl(b);
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

    private RecordFormatException rawControl(byte b) {
        return fail(String.format("raw control character U+%04X in a string: it must be written as \\u%04x",
                (int) b, (int) b));
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

    // ---- numbers ----

    /** A decimal string: optional minus, integer digits without leading zeros, a point, exactly 8 digits. */
    BigDecimal decimal() {
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

    /** Digits without a sign or leading zeros, within a long. */
    long unsignedLong(String field) {
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

    /** An optional minus and digits without leading zeros, within a long; no negative zero. */
    long signedLong(String field) {
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

    /** {@link #signedLong} within an int. */
    int signedInt(String field) {
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

    // ---- instants ----

    /** An instant in {@link DateTimeFormatter#ISO_INSTANT} form: UTC, 'Z', fraction of 0, 3, 6 or 9 digits. */
    Instant instant() {
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
        int q = pos;
        int limit = Math.min(end, pos + UtcTime.MAX_LENGTH);
        while (q < limit && buf[q] != '"') {
            q++;
        }
        if (q >= end || buf[q] != '"') {
            return null;
        }
        // the canonical fraction has 3, 6 or 9 digits, the last three not all zero
        int fraction = q - pos - 21;
        if (fraction > 0 && (fraction % 3 != 0 || digits(q - 4, 3) == 0)) {
            return null;
        }
        Instant parsed = times.parse(buf, pos, q);
        if (parsed != null) {
            pos = q + 1;
        }
        return parsed;
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

    /** The next byte, or -1 at the end. */
    int peek() {
        return pos < end ? buf[pos] : -1;
    }

    /** Consumes a comma if one is next. */
    boolean comma() {
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

    /** Consumes {@code literal} (punctuation and field names), failing at its start when anything differs. */
    void expect(String literal) {
        int n = literal.length();
        for (int i = 0; i < n; i++) {
            if (pos + i >= end || buf[pos + i] != literal.charAt(i)) {
                throw fail("expected " + literal + ", found " + snippet());
            }
        }
        pos += n;
    }

    /** A failure for {@code reason} at the cursor. */
    RecordFormatException fail(String reason) {
        return failAt(reason, pos);
    }

    /** A failure at {@code position} (a {@link #position()}), reported relative to the line's start. */
    RecordFormatException failAt(String reason, int position) {
        return new RecordFormatException(reason, position - off);
    }

    /** Up to 24 bytes from the cursor, quoted with non-printable bytes as hex, or "end of record". */
    String snippet() {
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
