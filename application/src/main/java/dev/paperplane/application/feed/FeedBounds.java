package dev.paperplane.application.feed;

import dev.paperplane.application.text.Excerpt;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.num.Unscaled;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The size bounds of feed input and the one parser of a feed's numbers. Every check runs before any arithmetic and
 * costs time linear in the field, so an oversized value is refused at once instead of being parsed.
 */
public final class FeedBounds {
    /** Bytes of a line, without its line end. */
    public static final int MAX_LINE_BYTES = 1024;
    /** Bytes of one field, as written (spaces around the value included). */
    public static final int MAX_FIELD_BYTES = 64;
    /** Digits before the decimal point of a price or volume, as written (leading zeros count). */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** Digits after the decimal point of a price or volume, as written; more than 8 are rounded HALF_EVEN. */
    public static final int MAX_FRACTION_DIGITS = 18;

    private FeedBounds() {
    }

    /** A reason when {@code field} is longer than {@link #MAX_FIELD_BYTES}, else null. */
    public static String oversized(String column, String field) {
        // a char is at most 3 UTF-8 bytes (a surrogate pair 4 for 2 chars): a short field needs no encoding
        if (field.length() <= MAX_FIELD_BYTES / 3) {
            return null;
        }
        int bytes = utf8Length(field);
        if (bytes <= MAX_FIELD_BYTES) {
            return null;
        }
        return column + " is " + bytes + " bytes long, at most " + MAX_FIELD_BYTES + " are accepted: "
                + Excerpt.quoted(field);
    }

    /**
     * The reason for a line longer than {@link #MAX_LINE_BYTES}, given its first fields as read up to the bound
     * ({@code columns} names them by position): the first field already over its own bound, if there is one.
     */
    public static String lineTooLong(String[] columns, String[] start) {
        String line = "the line is longer than " + MAX_LINE_BYTES + " bytes";
        for (int i = 0; i < start.length; i++) {
            if (utf8Length(start[i]) > MAX_FIELD_BYTES) {
                String column = i < columns.length ? columns[i] : "column " + (i + 1);
                return column + " is longer than the " + MAX_FIELD_BYTES + " bytes accepted (" + line + "): "
                        + Excerpt.quotedStart(start[i]);
            }
        }
        return line + " (" + start.length + " fields in its first " + MAX_LINE_BYTES + " bytes)";
    }

    /**
     * The non-negative decimal {@code text} (trimmed) at the canonical scale. Accepted: an optional sign, ASCII
     * digits with at most one decimal point, within the digit bounds; not an exponent.
     *
     * @throws IllegalArgumentException with the reason, naming {@code column}
     */
    public static BigDecimal decimal(String column, String text) {
        String oversized = oversized(column, text);
        if (oversized != null) {
            throw new IllegalArgumentException(oversized);
        }
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(column + " is missing");
        }
        int integerDigits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                if (point) {
                    fractionDigits++;
                } else {
                    integerDigits++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else if (!(i == 0 && (c == '+' || c == '-'))) {
                throw notPlain(column, trimmed);
            }
        }
        if (integerDigits + fractionDigits == 0) {
            throw notPlain(column, trimmed);
        }
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(column + " " + Excerpt.quoted(trimmed) + " has " + integerDigits
                    + " digits before the decimal point, at most " + MAX_INTEGER_DIGITS + " are accepted");
        }
        if (fractionDigits > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException(column + " " + Excerpt.quoted(trimmed) + " has " + fractionDigits
                    + " digits after the decimal point, at most " + MAX_FRACTION_DIGITS + " are accepted");
        }
        long unscaled = PlainDecimal.unscaled(trimmed);
        // Decimals.parse gives the same value and scale; it is kept for what a long cannot hold
        BigDecimal value = unscaled != Unscaled.NONE ? Unscaled.decimal(unscaled) : Decimals.parse(trimmed);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(column + " " + trimmed + " is negative");
        }
        return value;
    }

    private static IllegalArgumentException notPlain(String column, String trimmed) {
        return new IllegalArgumentException(column + " " + Excerpt.quoted(trimmed) + " is not a plain decimal number");
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
