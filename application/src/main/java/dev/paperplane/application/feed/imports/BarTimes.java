package dev.paperplane.application.feed.imports;

import dev.paperplane.application.text.Excerpt;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an imported time column into an instant. A value with an offset is that instant; a date and time without
 * one is in the import's zone; a date alone is at the bar time in that zone, with the zone's daylight saving rules
 * for that date ({@link ZonedDateTime#of}: a time in a spring-forward gap moves forward by the gap, a time in an
 * autumn overlap takes the earlier offset).
 */
final class BarTimes {
    /** ISO date and time with a 'T' or a space between them, seconds and fraction optional. */
    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE.withLocale(Locale.ROOT);

    private final Optional<DateTimeFormatter> pattern;
    private final LocalTime barTime;
    private final ZoneId zone;

    BarTimes(Optional<String> pattern, LocalTime barTime, ZoneId zone) {
        this.pattern = pattern.map(p -> DateTimeFormatter.ofPattern(p, Locale.ROOT));
        this.barTime = barTime;
        this.zone = zone;
    }

    /** The instant of {@code text}; an {@link IllegalArgumentException} with the reason if it is none. */
    Instant parse(String text) {
        String value = text.strip();
        if (pattern.isPresent()) {
            try {
                return fromPattern(pattern.get().parse(value));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("time " + Excerpt.quoted(value) + " does not match --date-format: "
                        + e.getMessage().replace(value, "…"));
            }
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // not an instant with an offset: try the forms without one
        }
        try {
            return LocalDateTime.parse(value, LOCAL_DATE_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // no time of day: try a date alone
        }
        for (DateTimeFormatter date : new DateTimeFormatter[] {DateTimeFormatter.ISO_LOCAL_DATE, BASIC_DATE}) {
            try {
                return atBarTime(LocalDate.parse(value, date));
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        throw new IllegalArgumentException("time " + Excerpt.quoted(value) + " is not a date or time paperplane"
                + " recognises (2024-01-02, 20240102, 2024-01-02 16:00:00, 2024-01-02T21:00:00Z); name its form with"
                + " --date-format, such as M/d/yyyy");
    }

    /**
     * The instant at which a bar whose last moment is the epoch value {@code text} ends: the value plus one unit,
     * in milliseconds (13 digits or fewer) or microseconds (more).
     */
    static Instant epochEnd(String text) {
        String value = text.strip();
        if (value.isEmpty() || value.length() > 17 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("close time " + Excerpt.quoted(value)
                    + " is not epoch milliseconds or microseconds");
        }
        long units = Long.parseLong(value) + 1;
        return value.length() <= 13 ? Instant.ofEpochMilli(units)
                : Instant.ofEpochSecond(units / 1_000_000, (units % 1_000_000) * 1_000);
    }

    private Instant fromPattern(TemporalAccessor parsed) {
        LocalDate date = parsed.query(TemporalQueries.localDate());
        if (date == null) {
            throw new DateTimeException("the pattern yields no date");
        }
        ZoneId written = parsed.query(TemporalQueries.zone());
        LocalTime time = parsed.query(TemporalQueries.localTime());
        if (time == null) {
            return atBarTime(date);
        }
        return ZonedDateTime.of(date, time, written != null ? written : zone).toInstant();
    }

    private Instant atBarTime(LocalDate date) {
        return ZonedDateTime.of(date, barTime, zone).toInstant();
    }
}
