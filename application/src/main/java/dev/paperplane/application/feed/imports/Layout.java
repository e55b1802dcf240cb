package dev.paperplane.application.feed.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The CSV layouts {@code feed import} knows by name; without a name, the layout is detected from the header. */
public enum Layout {
    /** paperplane's own feed: {@code time,instrument,open,high,low,close,volume}. */
    PAPERPLANE("paperplane"),
    /** Yahoo Finance history: {@code Date,Open,High,Low,Close,Adj Close,Volume}. */
    YAHOO("yahoo"),
    /** Stooq's daily download: {@code Date,Open,High,Low,Close,Volume}. */
    STOOQ("stooq"),
    /** Binance kline files: no header, epoch open time, OHLCV, epoch close time, then further columns. */
    BINANCE_KLINES("binance-klines"),
    /** Any delimited layout, its columns named with {@code --columns}. */
    GENERIC("generic");

    private final String label;

    Layout(String label) {
        this.label = label;
    }

    /** The name {@code --layout} takes. */
    public String label() {
        return label;
    }

    /** The layout named {@code label}, if there is one. */
    public static Optional<Layout> named(String label) {
        String wanted = label.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(layout -> layout.label.equals(wanted)).findFirst();
    }
}
