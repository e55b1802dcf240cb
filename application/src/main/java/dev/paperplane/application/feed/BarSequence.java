package dev.paperplane.application.feed;

import dev.paperplane.domain.market.Bar;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The bars of one feed or file in order: each built and checked, and its time after its instrument's last. */
public final class BarSequence {
    private final Map<String, Instant> lastTimes = new HashMap<>();

    /**
     * The next bar of the sequence.
     *
     * @throws IllegalArgumentException with the reason, if the values make no bar or the time is not after the
     *                                  instrument's previous bar
     */
    public Bar next(Instant time, String instrument, BigDecimal open, BigDecimal high, BigDecimal low,
                    BigDecimal close, BigDecimal volume) {
        Instant previous = lastTimes.get(instrument);
        if (previous != null && !time.isAfter(previous)) {
            throw new IllegalArgumentException("time " + time + " for " + instrument + " is not after its previous"
                    + " bar at " + previous + " (times must increase per instrument)");
        }
        Bar bar = new Bar(time, instrument, open, high, low, close, volume);
        lastTimes.put(instrument, time);
        return bar;
    }
}
