package dev.paperplane.application.feed.imports;

import dev.paperplane.application.feed.BarSequence;
import dev.paperplane.application.feed.FeedBounds;
import dev.paperplane.application.feed.FeedException;
import dev.paperplane.application.feed.FeedLines;
import dev.paperplane.application.text.Excerpt;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the bars of one imported file: finds its layout and columns from the first line (or the options), then
 * checks every row as {@code run} checks a feed line, stopping at the first bad one with the file, line and reason.
 */
final class SourceReader {
    private static final List<Role> PRICES = List.of(Role.OPEN, Role.HIGH, Role.LOW, Role.CLOSE);
    private static final Set<String> MISSING = Set.of("na", "n/a", "nan", "null", "none", "-");
    /** Binance kline columns: open time, open, high, low, close, volume, close time. */
    private static final int BINANCE_CLOSE_TIME = 6;

    private final ImportSource source;
    private final ImportOptions options;
    private final FeedLines lines;
    private final BarTimes times;
    private final Map<Role, Integer> columns = new EnumMap<>(Role.class);
    private final BarSequence bars = new BarSequence();
    private char delimiter;
    private boolean binance;

    private SourceReader(ImportSource source, ImportOptions options) {
        this.source = source;
        this.options = options;
        this.lines = new FeedLines(source.in(), source.name(), FeedBounds.MAX_LINE_BYTES);
        this.times = new BarTimes(options.dateFormat(), options.barTime(), options.zone());
    }

    /** Every bar of {@code source}, in file order; a {@link FeedException} at the first bad line. */
    static List<ImportedBar> read(ImportSource source, ImportOptions options) {
        return new SourceReader(source, options).readAll();
    }

    private List<ImportedBar> readAll() {
        FeedLines.Line first = lines.next();
        if (first == null) {
            throw fail("the file is empty");
        }
        String firstText = checked(first);
        if (firstText.startsWith("\uFEFF")) {
            firstText = firstText.substring(1);
        }
        delimiter = Fields.delimiterOf(firstText);
        List<String> firstFields = split(firstText);
        boolean header = layout(firstFields);
        if (!columns.containsKey(Role.INSTRUMENT) && source.instrument().isEmpty()) {
            throw fail("the file has no instrument column: name the instrument with --instrument SYM (one file) or"
                    + " SYM=FILE");
        }
        if (columns.containsKey(Role.INSTRUMENT) && source.instrument().isPresent()) {
            throw fail("the file has an instrument column, so --instrument and SYM=FILE do not apply to it");
        }
        if (options.adjusted() && !columns.containsKey(Role.ADJCLOSE)) {
            throw fail("--adjusted needs an adjusted close column (Adj Close), and the file has none");
        }
        List<ImportedBar> bars = new ArrayList<>();
        if (!header) {
            bars.add(bar(firstFields));
        }
        for (FeedLines.Line line = lines.next(); line != null; line = lines.next()) {
            String text = checked(line);
            if (!text.isBlank()) {
                bars.add(bar(split(text)));
            }
        }
        return bars;
    }

    /** Fills {@link #columns} from the options or the first line; whether that line is a header. */
    private boolean layout(List<String> first) {
        Layout layout = options.layout().orElse(null);
        if (layout == null && first.stream().noneMatch(f -> Role.ofHeader(f).isPresent())) {
            if (first.size() <= BINANCE_CLOSE_TIME || !isNumber(first.getFirst())
                    || first.getFirst().strip().length() < 13) {
                throw fail("line 1 is neither a header naming open, high, low, close and volume nor a Binance kline:"
                        + " name the layout with --layout (see paperplane feed import --help)");
            }
            layout = Layout.BINANCE_KLINES;
        }
        if (layout == Layout.BINANCE_KLINES) {
            binance = true;
            List<Role> order = List.of(Role.TIME, Role.OPEN, Role.HIGH, Role.LOW, Role.CLOSE, Role.VOLUME);
            for (int i = 0; i < order.size(); i++) {
                columns.put(order.get(i), i);
            }
            return !isNumber(first.getFirst());
        }
        if (layout == Layout.GENERIC) {
            fromColumnsOption(first);
            return !options.noHeader();
        }
        fromHeader(first, layout);
        return true;
    }

    /** Fills {@link #columns} from a header; {@code layout}, when named, must find its own columns there. */
    private void fromHeader(List<String> header, Layout layout) {
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            Role.ofHeader(header.get(i)).ifPresent(role -> columns.putIfAbsent(role, index));
        }
        List<Role> required = new ArrayList<>(List.of(Role.OPEN, Role.HIGH, Role.LOW, Role.CLOSE, Role.VOLUME));
        if (layout != null) {
            required.add(Role.TIME);
        }
        if (layout == Layout.PAPERPLANE) {
            required.add(Role.INSTRUMENT);
        } else if (layout == Layout.YAHOO) {
            required.add(Role.ADJCLOSE);
        }
        for (Role role : required) {
            if (!columns.containsKey(role)) {
                throw fail("the header names no " + role.key() + " column (it has " + Excerpt.quoted(String.join(
                        String.valueOf(delimiter), header)) + "); name the columns with --layout generic --columns");
            }
        }
        if (!columns.containsKey(Role.TIME)) {
            if (columns.containsValue(0)) {
                throw fail("the header names no time column, and its first column is " + Excerpt.quoted(header.getFirst()));
            }
            columns.put(Role.TIME, 0);
        }
    }

    private void fromColumnsOption(List<String> first) {
        for (Map.Entry<Role, String> entry : options.columns().entrySet()) {
            String name = entry.getValue().strip();
            int index = -1;
            if (isNumber(name) && name.length() < 4) {
                index = Integer.parseInt(name) - 1;
            } else if (!options.noHeader()) {
                for (int i = 0; i < first.size() && index < 0; i++) {
                    if (first.get(i).strip().equalsIgnoreCase(name)) {
                        index = i;
                    }
                }
            }
            if (index < 0) {
                throw fail("--columns names " + entry.getKey().key() + "=" + Excerpt.quoted(name)
                        + (options.noHeader() ? ", which is not a 1-based column number" : ", which the header does not"
                        + " have (it has " + Excerpt.quoted(String.join(String.valueOf(delimiter), first)) + ")"));
            }
            columns.put(entry.getKey(), index);
        }
        for (Role role : List.of(Role.TIME, Role.OPEN, Role.HIGH, Role.LOW, Role.CLOSE, Role.VOLUME)) {
            if (!columns.containsKey(role)) {
                throw fail("--columns names no " + role.key() + " column; --layout generic needs time, open, high,"
                        + " low, close and volume");
            }
        }
    }

    private ImportedBar bar(List<String> fields) {
        int needed = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (binance) {
            needed = Math.max(needed, BINANCE_CLOSE_TIME + 1);
        }
        if (fields.size() < needed) {
            throw fail("expected at least " + needed + " columns separated by " + delimiterName() + ", found "
                    + fields.size());
        }
        Instant time;
        try {
            time = binance ? BarTimes.epochEnd(field(fields, BINANCE_CLOSE_TIME, "close time"))
                    : times.parse(field(fields, columns.get(Role.TIME), "time"));
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
        String instrument = source.instrument().orElseGet(() -> fields.get(columns.get(Role.INSTRUMENT)).strip());
        if (!Bar.isValidInstrument(instrument)) {
            throw fail("instrument " + Excerpt.quoted(instrument) + " is not of the form [A-Z0-9][A-Z0-9._-]{0,31}");
        }
        Map<Role, BigDecimal> values = new EnumMap<>(Role.class);
        for (Role role : List.of(Role.OPEN, Role.HIGH, Role.LOW, Role.CLOSE, Role.VOLUME)) {
            values.put(role, number(fields, role));
        }
        if (options.adjusted()) {
            BigDecimal adjClose = number(fields, Role.ADJCLOSE);
            BigDecimal close = values.get(Role.CLOSE);
            if (close.signum() == 0) {
                throw fail("close is 0, so the adjustment factor adj close / close is undefined");
            }
            for (Role price : PRICES) {
                values.put(price, Decimals.divide(values.get(price).multiply(adjClose), close));
            }
        }
        Bar bar;
        try {
            bar = bars.next(time, instrument, values.get(Role.OPEN), values.get(Role.HIGH), values.get(Role.LOW),
                    values.get(Role.CLOSE), values.get(Role.VOLUME));
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
        return new ImportedBar(bar, source.name(), lines.lineNumber());
    }

    private BigDecimal number(List<String> fields, Role role) {
        String text = field(fields, columns.get(role), role.key());
        if (MISSING.contains(text.strip().toLowerCase(Locale.ROOT))) {
            throw fail(role.key() + " is " + Excerpt.quoted(text.strip()) + ", a missing value: paperplane needs every"
                    + " value, so drop the row or fill it in");
        }
        try {
            return FeedBounds.decimal(role.key(), text);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private String field(List<String> fields, int index, String column) {
        String text = fields.get(index);
        String oversized = FeedBounds.oversized(column, text);
        if (oversized != null) {
            throw fail(oversized);
        }
        return text;
    }

    private String checked(FeedLines.Line line) {
        if (line.cut()) {
            throw fail(FeedBounds.lineTooLong(new String[0], line.text().split(String.valueOf(delimiter == 0 ? ','
                    : delimiter), -1)));
        }
        return line.text();
    }

    private List<String> split(String text) {
        List<String> fields = Fields.split(text, delimiter);
        if (fields == null) {
            throw fail("a quoted field is not closed: the line has an odd number of double quotes");
        }
        return fields;
    }

    private String delimiterName() {
        return switch (delimiter) {
            case '\t' -> "tabs";
            case ';' -> "semicolons";
            default -> "commas";
        };
    }

    private static boolean isNumber(String text) {
        String value = text.strip();
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private FeedException fail(String reason) {
        return new FeedException(source.name(), Math.max(1, lines.lineNumber()), reason);
    }
}
