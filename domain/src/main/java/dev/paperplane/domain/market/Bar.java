package dev.paperplane.domain.market;

import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One OHLCV bar: the runtime's only input. Values are validated and brought to the canonical scale.
 *
 * @param time      the bar's event time (its close)
 * @param instrument instrument symbol, {@code [A-Z0-9][A-Z0-9._-]{0,31}}
 */
public record Bar(Instant time, String instrument, BigDecimal open, BigDecimal high, BigDecimal low,
                  BigDecimal close, BigDecimal volume) {

    private static final Pattern INSTRUMENT = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,31}");

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

    /** Whether a symbol is a valid instrument name. */
    public static boolean isValidInstrument(String symbol) {
        return symbol != null && INSTRUMENT.matcher(symbol).matches();
    }

    private static BigDecimal positive(String name, BigDecimal value) {
        BigDecimal scaled = Decimals.of(Objects.requireNonNull(value, name));
        if (scaled.signum() <= 0) {
            throw new IllegalArgumentException(name + " price must be positive, was " + value.toPlainString());
        }
        return scaled;
    }
}
