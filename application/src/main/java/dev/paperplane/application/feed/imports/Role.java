package dev.paperplane.application.feed.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a column of an imported file holds, and the header names that say so (compared case-insensitively). */
public enum Role {
    /** The bar's time or date. */
    TIME("time", "date", "datetime", "timestamp"),
    /** The instrument's symbol. */
    INSTRUMENT("instrument", "symbol", "ticker"),
    /** Opening price. */
    OPEN("open"),
    /** Highest price. */
    HIGH("high"),
    /** Lowest price. */
    LOW("low"),
    /** Closing price, as traded. */
    CLOSE("close"),
    /** Closing price adjusted for splits and dividends. */
    ADJCLOSE("adjclose", "adj close", "adj_close", "adjusted close", "adjusted_close"),
    /** Traded volume. */
    VOLUME("volume", "vol");

    private final List<String> names;

    Role(String... names) {
        this.names = List.of(names);
    }

    /** The key {@code --columns} uses for this role. */
    public String key() {
        return names.getFirst();
    }

    /** The role a header name stands for: trimmed, case-folded, Stooq's angle brackets dropped. */
    public static Optional<Role> ofHeader(String name) {
        String normalized = name.strip().toLowerCase(Locale.ROOT);
        if (normalized.startsWith("<") && normalized.endsWith(">") && normalized.length() > 2) {
            normalized = normalized.substring(1, normalized.length() - 1);
        }
        String wanted = normalized;
        return Arrays.stream(values()).filter(role -> role.names.contains(wanted)).findFirst();
    }

    /** The role whose {@code --columns} key is {@code key}. */
    public static Optional<Role> ofKey(String key) {
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.key().equals(wanted)).findFirst();
    }
}
