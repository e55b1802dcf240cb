package dev.paperplane.application.feed;

import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.num.Decimals;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads OHLCV bars from CSV, one at a time, validating each line before it is handed out. A bad line stops the
 * reader with a {@link FeedException} naming the line, so every bar before it can be processed and nothing after.
 *
 * <p>Format: header {@code time,instrument,open,high,low,close,volume}; ISO-8601 instants; plain decimals;
 * per instrument, times strictly increase.
 */
public final class CsvFeed {
    /** The required header line. */
    public static final String HEADER = "time,instrument,open,high,low,close,volume";
    private static final String[] COLUMNS = HEADER.split(",");

    private final BufferedReader in;
    private final String source;
    private final Map<String, Instant> lastTimes = new TreeMap<>();
    private long lineNumber;
    private boolean headerRead;

    /** A reader of {@code in}; {@code source} names the feed in error messages. */
    public CsvFeed(BufferedReader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The next bar, or empty at the end of the feed. */
    public Optional<Bar> next() {
        String line = readLine();
        if (!headerRead) {
            headerRead = true;
            if (line == null) {
                throw new FeedException(source, 1, "the feed is empty; expected the header '" + HEADER + "'");
            }
            if (!stripBom(line).equals(HEADER)) {
                throw new FeedException(source, 1, "header is '" + line + "', expected '" + HEADER + "'");
            }
            line = readLine();
        }
        if (line == null) {
            return Optional.empty();
        }
        return Optional.of(parse(line));
    }

    /** The number of the line read last (1 is the header). */
    public long lineNumber() {
        return lineNumber;
    }

    private String readLine() {
        try {
            String line = in.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + " after line " + lineNumber, e);
        }
    }

    private Bar parse(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != COLUMNS.length) {
            throw fail("expected " + COLUMNS.length + " columns (" + HEADER + "), found " + fields.length);
        }
        Instant time;
        try {
            time = Instant.parse(fields[0].trim());
        } catch (DateTimeParseException e) {
            throw fail("time '" + fields[0] + "' is not an ISO-8601 instant such as 2024-01-02T09:30:00Z");
        }
        String instrument = fields[1].trim();
        if (!Bar.isValidInstrument(instrument)) {
            throw fail("instrument '" + instrument + "' is not of the form [A-Z0-9][A-Z0-9._-]{0,31}");
        }
        BigDecimal open = decimal(COLUMNS[2], fields[2]);
        BigDecimal high = decimal(COLUMNS[3], fields[3]);
        BigDecimal low = decimal(COLUMNS[4], fields[4]);
        BigDecimal close = decimal(COLUMNS[5], fields[5]);
        BigDecimal volume = decimal(COLUMNS[6], fields[6]);
        Instant previous = lastTimes.get(instrument);
        if (previous != null && !time.isAfter(previous)) {
            throw fail("time " + time + " for " + instrument + " is not after its previous bar at " + previous
                    + " (times must increase per instrument)");
        }
        Bar bar;
        try {
            bar = new Bar(time, instrument, open, high, low, close, volume);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
        lastTimes.put(instrument, time);
        return bar;
    }

    private BigDecimal decimal(String column, String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw fail(column + " is missing");
        }
        BigDecimal value;
        try {
            value = Decimals.parse(trimmed);
        } catch (NumberFormatException e) {
            throw fail(column + " '" + trimmed + "' is not a plain decimal number");
        }
        if (value.signum() < 0) {
            throw fail(column + " " + trimmed + " is negative");
        }
        return value;
    }

    private FeedException fail(String reason) {
        return new FeedException(source, lineNumber, reason);
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
