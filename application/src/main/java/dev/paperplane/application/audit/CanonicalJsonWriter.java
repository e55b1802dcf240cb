package dev.paperplane.application.audit;

import dev.paperplane.application.text.UtcTime;
import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Writes canonical JSON, knowing no schema: no whitespace, strings escaped only where JSON requires it, decimals
 * as strings at scale 8, instants in ISO-8601 UTC form. {@link CanonicalJsonReader} accepts exactly this.
 */
final class CanonicalJsonWriter {
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    // UTF-8 written straight into one growing array, which a sealer keeps from record to record
    private byte[] out;
    private int length;

    CanonicalJsonWriter(int capacity) {
        this.out = new byte[capacity];
    }

    /** Starts over on the same array: what was written is forgotten (the sealer's next record). */
    CanonicalJsonWriter start() {
        length = 0;
        return this;
    }

    /** Appends punctuation and field names (ASCII) as they are. */
    CanonicalJsonWriter raw(String literal) {
        int n = literal.length();
        room(n);
        for (int i = 0; i < n; i++) {
            out[length++] = (byte) literal.charAt(i);
        }
        return this;
    }

    /** Appends an integer. */
    CanonicalJsonWriter number(long value) {
        return raw(Long.toString(value));
    }

    /** Appends {@code s} as a canonical JSON string. */
    CanonicalJsonWriter string(String s) {
        int n = s.length();
        room(n * 3 + 2);
        out[length++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out[length++] = '\\';
                out[length++] = (byte) c;
            } else if (c < 0x20) {
                room(6 + (n - i) * 3);
                out[length++] = '\\';
                out[length++] = 'u';
                out[length++] = '0';
                out[length++] = '0';
                out[length++] = HEX_DIGITS[c >> 4];
                out[length++] = HEX_DIGITS[c & 0xf];
            } else if (c < 0x80) {
                out[length++] = (byte) c;
            } else if (c < 0x800) {
                out[length++] = (byte) (0xc0 | c >> 6);
                out[length++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    out[length++] = (byte) (0xf0 | cp >> 18);
                    out[length++] = (byte) (0x80 | cp >> 12 & 0x3f);
                    out[length++] = (byte) (0x80 | cp >> 6 & 0x3f);
                    out[length++] = (byte) (0x80 | cp & 0x3f);
                } else {
                    throw new IllegalArgumentException("string contains an unpaired surrogate at index " + i
                            + ", which UTF-8 cannot carry: " + s.substring(0, i));
                }
            } else {
                out[length++] = (byte) (0xe0 | c >> 12);
                out[length++] = (byte) (0x80 | c >> 6 & 0x3f);
                out[length++] = (byte) (0x80 | c & 0x3f);
            }
        }
        out[length++] = '"';
        return this;
    }

    /** Appends {@code ,"name":} and the decimal. */
    CanonicalJsonWriter decimalField(String name, BigDecimal value) {
        room(name.length() + 4);
        out[length++] = ',';
        out[length++] = '"';
        raw(name);
        out[length++] = '"';
        out[length++] = ':';
        return decimal(name, value);
    }

    /**
     * Appends a decimal as a string of its plain digits.
     *
     * @param name names the value when it is refused
     * @throws IllegalArgumentException when the value's scale is not {@link Decimals#SCALE}
     */
    CanonicalJsonWriter decimal(String name, BigDecimal value) {
        // Rounding here would log a value other than the one the runtime used: refuse instead.
        if (value.scale() != Decimals.SCALE) {
            throw new IllegalArgumentException(name + " " + value.toPlainString() + " has scale " + value.scale()
                    + "; audit decimals must have scale " + Decimals.SCALE + " (use Decimals.of)");
        }
        room(2);
        out[length++] = '"';
        try {
            plain(Decimals.unscaled(value));
        } catch (ArithmeticException beyondLong) {
            raw(value.toPlainString());
        }
        room(1);
        out[length++] = '"';
        return this;
    }

    /** Writes {@code unscaled × 10^-8} as {@link BigDecimal#toPlainString} writes it at scale 8. */
    private void plain(long unscaled) {
        if (unscaled == Long.MIN_VALUE) {
            throw new ArithmeticException("beyond the negated range of a long");
        }
        long magnitude = Math.abs(unscaled);
        room(22);
        if (unscaled < 0) {
            out[length++] = '-';
        }
        // the digits written in place, last first: no string per decimal
        long integer = magnitude / 100_000_000;
        int digits = 1;
        for (long rest = integer / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = length + digits - 1; i >= length; i--) {
            out[i] = (byte) ('0' + integer % 10);
            integer /= 10;
        }
        length += digits;
        out[length++] = '.';
        long fraction = magnitude % 100_000_000;
        for (int i = length + 7; i >= length; i--) {
            out[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        length += 8;
    }

    /** Appends an instant as an ISO-8601 UTC string. */
    CanonicalJsonWriter instant(Instant time) {
        room(UtcTime.MAX_LENGTH + 2);
        out[length++] = '"';
        int at = UtcTime.formatTo(time, out, length);
        if (at < 0) {
            raw(DateTimeFormatter.ISO_INSTANT.format(time));
        } else {
            length = at;
        }
        room(1);
        out[length++] = '"';
        return this;
    }

    /**
     * Appends the entries of {@code map} as {@code "key":value} pairs in natural key order, whatever comparator
     * the map was built with, separated by commas (the braces are the caller's).
     */
    <V> CanonicalJsonWriter sortedEntries(SortedMap<String, V> map, BiConsumer<String, V> value) {
        boolean first = true;
        for (Map.Entry<String, V> entry : naturalOrder(map).entrySet()) {
            if (!first) {
                room(1);
                out[length++] = ',';
            }
            first = false;
            string(entry.getKey());
            room(1);
            out[length++] = ':';
            value.accept(entry.getKey(), entry.getValue());
        }
        return this;
    }

    private static <V> SortedMap<String, V> naturalOrder(SortedMap<String, V> map) {
        if (map.comparator() == null) {
            return map;
        }
        SortedMap<String, V> sorted = new TreeMap<>();
        sorted.putAll(map);
        return sorted;
    }

    private void room(int bytes) {
        if (length + bytes > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + bytes));
        }
    }

    /** What was written, as text. */
    @Override
    public String toString() {
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    /** What was written, as UTF-8. */
    byte[] bytes() {
        return Arrays.copyOf(out, length);
    }

    /** The array holding what was written in its first {@link #length()} bytes; valid until the next write. */
    byte[] buffer() {
        return out;
    }

    /** How many bytes were written. */
    int length() {
        return length;
    }
}
