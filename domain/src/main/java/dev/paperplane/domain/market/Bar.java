package dev.paperplane.domain.market;

import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar: the runtime's only input. Values are validated and brought to the canonical scale.
 *
 * @param time      the bar's event time (its close)
 * @param instrument instrument symbol, {@code [A-Z0-9][A-Z0-9._-]{0,31}}
 */
public record Bar(Instant time, String instrument, BigDecimal open, BigDecimal high, BigDecimal low,
                  BigDecimal close, BigDecimal volume) {

    public Bar {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(instrument, "instrument");
        if (!isValidInstrument(instrument)) {
            throw new IllegalArgumentException("instrument '" + instrument
                    + "' is not of the form [A-Z0-9][A-Z0-9._-]{0,31}");
        }
        open = positive("open", open);
        high = positive("high", high);
        low = positive("low", low);
        close = positive("close", close);
        volume = Decimals.of(Objects.requireNonNull(volume, "volume"));
        if (volume.signum() < 0) {
            throw new IllegalArgumentException("volume is negative: " + volume.toPlainString());
        }
        if (high.compareTo(low) < 0) {
            throw new IllegalArgumentException("high " + high.toPlainString() + " is below low " + low.toPlainString());
        }
        if (open.compareTo(low) < 0 || open.compareTo(high) > 0 || close.compareTo(low) < 0 || close.compareTo(high) > 0) {
            throw new IllegalArgumentException("open and close must lie within [low, high]");
        }
    }

    /** Whether a symbol is a valid instrument name: {@code [A-Z0-9][A-Z0-9._-]{0,31}}. */
    public static boolean isValidInstrument(String symbol) {
        // checked by hand, not by a regular expression: every replayed bar passes here
        if (symbol == null || symbol.isEmpty() || symbol.length() > 32) {
            return false;
        }
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            boolean alphanumeric = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal positive(String name, BigDecimal value) {
        BigDecimal scaled = Decimals.of(Objects.requireNonNull(value, name));
        if (scaled.signum() <= 0) {
            throw new IllegalArgumentException(name + " price must be positive, was " + value.toPlainString());
        }
        return scaled;
    }
}
