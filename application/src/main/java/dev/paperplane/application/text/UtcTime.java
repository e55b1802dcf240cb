package dev.paperplane.application.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * UTC instants in the ISO-8601 form {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, read and written without a
 * {@link java.time.format.DateTimeFormatter}: feeds and audit records carry one per bar, and the formatter's general
 * machinery was a large part of a run's time. Exact on the shape it takes; anything else (other years, offsets, leap
 * seconds) is left to the caller's formatter by a {@code null} or {@code -1}, so no result ever differs from it.
 * An instance remembers the last date it read (bars of a feed share their day); not thread-safe.
 */
public final class UtcTime {
    /** The longest text {@link #formatTo} writes: {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}. */
    public static final int MAX_LENGTH = 30;

    private final byte[] scratch = new byte[MAX_LENGTH];
    private int lastDate = -1;
    private long lastEpochDay;

    /** A reader that remembers no date yet. */
    public UtcTime() {
    }

    /**
     * The instant {@code text} names in the form {@code yyyy-MM-ddTHH:mm:ss[.d…d]Z} (1 to 9 fraction digits), or
     * {@code null} when it has another form or names no valid date or time.
     */
    public Instant parse(String text) {
        int n = text.length();
        if (n > MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > 0x7f) {
                return null;
            }
            scratch[i] = (byte) c;
        }
        return parse(scratch, 0, n);
    }

    /** {@link #parse(String)} over the ASCII bytes {@code buf[from, to)}. */
    public Instant parse(byte[] buf, int from, int to) {
        int n = to - from;
        if (n < 20 || n > MAX_LENGTH || buf[from + 4] != '-' || buf[from + 7] != '-' || buf[from + 10] != 'T'
                || buf[from + 13] != ':' || buf[from + 16] != ':' || buf[to - 1] != 'Z') {
            return null;
        }
        int year = digits(buf, from, 4);
        int month = digits(buf, from + 5, 2);
        int day = digits(buf, from + 8, 2);
        int hour = digits(buf, from + 11, 2);
        int minute = digits(buf, from + 14, 2);
        int second = digits(buf, from + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (buf[from + 19] != '.' || fraction < 1) {
                return null;
            }
            nanos = digits(buf, from + 20, fraction);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        int date = (year * 100 + month) * 100 + day;
        if (date != lastDate) {
            try {
                lastEpochDay = LocalDate.of(year, month, day).toEpochDay();
            } catch (DateTimeException e) {
                return null;
            }
            lastDate = date;
        }
        return Instant.ofEpochSecond(lastEpochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static int digits(byte[] buf, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /**
     * Writes {@code time} as {@link java.time.format.DateTimeFormatter#ISO_INSTANT} does (a fraction of 3, 6 or 9
     * digits, none when zero) into {@code out} from {@code at}, which needs {@link #MAX_LENGTH} bytes of room.
     *
     * @return the index after the last byte written, or {@code -1} (nothing written) for a year outside 0–9999
     */
    public static int formatTo(Instant time, byte[] out, int at) {
        long seconds = time.getEpochSecond();
        long epochDay = Math.floorDiv(seconds, 86_400);
        int secondOfDay = Math.floorMod(seconds, 86_400);
        // days to civil date (H. Hinnant's algorithm), valid for any proleptic Gregorian date
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            return -1;
        }
        int p = put(out, at, (int) year, 4);
        out[p++] = '-';
        p = put(out, p, month, 2);
        out[p++] = '-';
        p = put(out, p, day, 2);
        out[p++] = 'T';
        p = put(out, p, secondOfDay / 3_600, 2);
        out[p++] = ':';
        p = put(out, p, secondOfDay / 60 % 60, 2);
        out[p++] = ':';
        p = put(out, p, secondOfDay % 60, 2);
        int nanos = time.getNano();
        if (nanos != 0) {
            out[p++] = '.';
            if (nanos % 1_000_000 == 0) {
                p = put(out, p, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                p = put(out, p, nanos / 1_000, 6);
            } else {
                p = put(out, p, nanos, 9);
            }
        }
        out[p++] = 'Z';
        return p;
    }

    private static int put(byte[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
