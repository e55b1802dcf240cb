package dev.paperplane.application.feed.imports;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code feed import} reads its files.
 *
 * @param layout     the layout named with {@code --layout}; empty to detect it from each file's first line
 * @param columns    for {@link Layout#GENERIC}: each role's column, a header name or a 1-based position
 * @param noHeader   for {@link Layout#GENERIC}: the first line is a bar, not a header
 * @param dateFormat a {@link java.time.format.DateTimeFormatter} pattern for the time column; empty to recognise
 *                   ISO dates and times
 * @param barTime    the time of day given to a row that has a date only
 * @param zone       the zone of dates and times written without an offset
 * @param adjusted   scale open, high, low and close by adjusted close / close
 */
public record ImportOptions(Optional<Layout> layout, Map<Role, String> columns, boolean noHeader,
                            Optional<String> dateFormat, LocalTime barTime, ZoneId zone, boolean adjusted) {
    /** The time of day of a daily bar without one: the regular close of the New York exchanges. */
    public static final LocalTime DEFAULT_BAR_TIME = LocalTime.of(16, 0);
    /** The zone of times without an offset: the New York exchanges'. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/New_York");

    public ImportOptions {
        Objects.requireNonNull(layout, "layout");
        columns = Map.copyOf(columns);
        Objects.requireNonNull(dateFormat, "dateFormat");
        Objects.requireNonNull(barTime, "barTime");
        Objects.requireNonNull(zone, "zone");
    }
}
