package dev.paperplane.application.audit;

import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Writes canonical JSON, knowing no schema: no whitespace, strings escaped only where JSON requires it, decimals
 * as strings at scale 8, instants in ISO-8601 UTC form. {@link CanonicalJsonReader} accepts exactly this.
 */
final class CanonicalJsonWriter {
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private final StringBuilder out;

    CanonicalJsonWriter(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /** Appends punctuation and field names as they are. */
    CanonicalJsonWriter raw(String literal) {
        out.append(literal);
        return this;
    }

    /** Appends an integer. */
    CanonicalJsonWriter number(long value) {
        out.append(value);
        return this;
    }

    /** Appends {@code s} as a canonical JSON string. */
    CanonicalJsonWriter string(String s) {
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
        return this;
    }

    /** Appends {@code ,"name":} and the decimal. */
    CanonicalJsonWriter decimalField(String name, BigDecimal value) {
        out.append(",\"").append(name).append("\":");
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
        out.append('"').append(value.toPlainString()).append('"');
        return this;
    }

    /** Appends an instant as an ISO-8601 UTC string. */
    CanonicalJsonWriter instant(Instant time) {
        out.append('"');
        DateTimeFormatter.ISO_INSTANT.formatTo(time, out);
        out.append('"');
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
                out.append(',');
            }
            first = false;
            string(entry.getKey());
            out.append(':');
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

    /** What was written, as text. */
    @Override
    public String toString() {
        return out.toString();
    }

    /** What was written, as UTF-8. */
    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
