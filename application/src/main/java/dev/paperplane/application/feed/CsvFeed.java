package dev.paperplane.application.feed;

import dev.paperplane.application.text.Excerpt;
import dev.paperplane.application.text.UtcTime;
import dev.paperplane.domain.market.Bar;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads OHLCV bars from CSV, one at a time, validating each line before it is handed out. A bad line stops the
 * reader with a {@link FeedException} naming the line, so every bar before it can be processed and nothing after.
 *
 * <p>Format: UTF-8; header {@code time,instrument,open,high,low,close,volume}; ISO-8601 instants; plain decimals
 * within {@link FeedBounds}; per instrument, times strictly increase.
 */
public final class CsvFeed {
    /** The required header line. */
    public static final String HEADER = "time,instrument,open,high,low,close,volume";
    private static final String[] COLUMNS = HEADER.split(",");

    private final FeedLines in;
    private final String source;
    private final BarSequence bars = new BarSequence();
    private final UtcTime times = new UtcTime();
    private boolean headerRead;

    /** A reader of the UTF-8 bytes {@code in}; {@code source} names the feed in error messages. */
    public CsvFeed(InputStream in, String source) {
        this.in = new FeedLines(in, source, FeedBounds.MAX_LINE_BYTES);
        this.source = source;
    }

    /** The next bar, or empty at the end of the feed. */
    public Optional<Bar> next() {
        FeedLines.Line line = in.next();
        if (!headerRead) {
            headerRead = true;
            if (line == null) {
                throw new FeedException(source, 1, "the feed is empty; expected the header '" + HEADER + "'");
            }
            if (line.cut() || !stripBom(line.text()).equals(HEADER)) {
                String shown = line.cut() ? Excerpt.quotedStart(line.text()) : Excerpt.quoted(line.text());
                throw new FeedException(source, 1, "header is " + shown + ", expected '"
                        + HEADER + "'");
            }
            line = in.next();
        }
        if (line == null) {
            return Optional.empty();
        }
        return Optional.of(parse(line));
    }

    /** The number of the line read last (1 is the header). */
    public long lineNumber() {
        return in.lineNumber();
    }

    private Bar parse(FeedLines.Line line) {
        String[] fields = fields(line.text());
        if (line.cut()) {
            throw fail(FeedBounds.lineTooLong(COLUMNS, fields));
        }
        if (fields.length != COLUMNS.length) {
            throw fail("expected " + COLUMNS.length + " columns (" + HEADER + "), found " + fields.length);
        }
        for (int i = 0; i < 2; i++) {
            String oversized = FeedBounds.oversized(COLUMNS[i], fields[i]);
            if (oversized != null) {
                throw fail(oversized);
            }
        }
        String text = fields[0].trim();
        Instant time = times.parse(text);
        if (time == null) {
            try {
                time = Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw fail("time " + Excerpt.quoted(fields[0])
                        + " is not an ISO-8601 instant such as 2024-01-02T09:30:00Z");
            }
        }
        String instrument = fields[1].trim();
        if (!Bar.isValidInstrument(instrument)) {
            throw fail("instrument " + Excerpt.quoted(instrument) + " is not of the form [A-Z0-9][A-Z0-9._-]{0,31}");
        }
        BigDecimal open = decimal(COLUMNS[2], fields[2]);
        BigDecimal high = decimal(COLUMNS[3], fields[3]);
        BigDecimal low = decimal(COLUMNS[4], fields[4]);
        BigDecimal close = decimal(COLUMNS[5], fields[5]);
        BigDecimal volume = decimal(COLUMNS[6], fields[6]);
        try {
            return bars.next(time, instrument, open, high, low, close, volume);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    /** {@code text.split(",", -1)}, without the list that split builds on the way: every bar's line is split. */
    static String[] fields(String text) {
        int count = 1;
        for (int at = text.indexOf(','); at >= 0; at = text.indexOf(',', at + 1)) {
            count++;
        }
        String[] fields = new String[count];
        int start = 0;
        for (int i = 0; i < count - 1; i++) {
            int end = text.indexOf(',', start);
            fields[i] = text.substring(start, end);
            start = end + 1;
        }
        fields[count - 1] = text.substring(start);
        return fields;
    }

    private BigDecimal decimal(String column, String text) {
        try {
            return FeedBounds.decimal(column, text);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private FeedException fail(String reason) {
        return new FeedException(source, in.lineNumber(), reason);
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
