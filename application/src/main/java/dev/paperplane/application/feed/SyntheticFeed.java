package dev.paperplane.application.feed;

import dev.paperplane.domain.market.Bar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A seeded, reproducible OHLCV generator: a random walk with drift and volatility regimes per instrument.
 * Integer arithmetic and its own SplitMix64 generator only, so the same arguments give the same bytes on every
 * JDK, locale and platform.
 *
 * @param barsPerInstrument bars generated for each instrument
 * @param instruments       instrument symbols, written in this order at every bar time
 * @param seed              the seed; the same seed gives the same feed
 */
public record SyntheticFeed(int barsPerInstrument, List<String> instruments, long seed) {
    /** Time of the first bar. */
    public static final Instant START = Instant.parse("2024-01-02T00:00:00Z");
    /** Distance between bar times. */
    public static final Duration STEP = Duration.ofMinutes(1);

    /** Prices are generated in ticks of 0.0001. */
    private static final long TICKS_PER_UNIT = 10_000;
    private static final long MIN_PRICE = TICKS_PER_UNIT;
    /** Volatility per bar in hundredths of a basis point, and drift in the same unit, per regime. */
    private static final long[] REGIME_VOLATILITY = {800, 2_000, 5_000};
    private static final long[] REGIME_DRIFT = {30, 0, -20};
    /** One in this many bars switches the regime. */
    private static final int REGIME_SWITCH_ODDS = 250;

    public SyntheticFeed {
        Objects.requireNonNull(instruments, "instruments");
        instruments = List.copyOf(instruments);
        if (barsPerInstrument < 0) {
            throw new IllegalArgumentException("bars must not be negative, was " + barsPerInstrument);
        }
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("at least one instrument is needed");
        }
        for (String instrument : instruments) {
            if (!Bar.isValidInstrument(instrument)) {
                throw new IllegalArgumentException("instrument '" + instrument + "' is not of the form [A-Z0-9][A-Z0-9._-]{0,31}");
            }
        }
        if (instruments.stream().distinct().count() != instruments.size()) {
            throw new IllegalArgumentException("instruments must be distinct: " + instruments);
        }
    }

    /** Writes the feed as CSV with {@link CsvFeed#HEADER}. */
    public void writeTo(Writer out) {
        int n = instruments.size();
        SplitMix64 random = new SplitMix64(seed);
        long[] price = new long[n];
        int[] regime = new int[n];
        for (int i = 0; i < n; i++) {
            price[i] = (50 + random.below(150)) * TICKS_PER_UNIT;
            regime[i] = 1;
        }
        StringBuilder line = new StringBuilder(96);
        try {
            out.write(CsvFeed.HEADER);
            out.write('\n');
            for (int bar = 0; bar < barsPerInstrument; bar++) {
                String time = START.plus(STEP.multipliedBy(bar)).toString();
                for (int i = 0; i < n; i++) {
                    if (random.below(REGIME_SWITCH_ODDS) == 0) {
                        regime[i] = (int) random.below(REGIME_VOLATILITY.length);
                    }
                    long open = price[i];
                    long shock = REGIME_DRIFT[regime[i]] + REGIME_VOLATILITY[regime[i]] * random.gaussianMillis() / 1000;
                    long close = Math.max(MIN_PRICE, open + open * shock / 1_000_000);
                    long wick = open * REGIME_VOLATILITY[regime[i]] / 1_000_000;
                    long high = Math.max(open, close) + (wick == 0 ? 0 : random.below(wick + 1));
                    long low = Math.max(1, Math.min(open, close) - (wick == 0 ? 0 : random.below(wick + 1)));
                    long volume = 1_000 + random.below(99_000);
                    price[i] = close;
                    line.setLength(0);
                    line.append(time).append(',').append(instruments.get(i)).append(',');
                    appendTicks(line, open).append(',');
                    appendTicks(line, high).append(',');
                    appendTicks(line, low).append(',');
                    appendTicks(line, close).append(',');
                    line.append(volume).append('\n');
                    out.append(line);
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic feed", e);
        }
    }

    private static StringBuilder appendTicks(StringBuilder out, long ticks) {
        long units = ticks / TICKS_PER_UNIT;
        long fraction = ticks % TICKS_PER_UNIT;
        out.append(units).append('.');
        String digits = Long.toString(fraction);
        out.append("0".repeat(4 - digits.length())).append(digits);
        return out;
    }

    /** SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and fully specified, unlike java.util.Random's future. */
    private static final class SplitMix64 {
        private long state;

        SplitMix64(long seed) {
            this.state = seed;
        }

        long nextLong() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** Uniform in [0, bound). */
        long below(long bound) {
            return Long.remainderUnsigned(nextLong(), bound);
        }

        /** An approximately standard normal value times 1000 (Irwin–Hall: the sum of 12 uniforms, minus 6). */
        long gaussianMillis() {
            long sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += below(1_000);
            }
            return sum - 6_000;
        }
    }
}
