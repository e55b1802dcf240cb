package dev.paperplane.domain.strategy;

import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The latest closes of one instrument as one strategy remembers them, oldest first, at most {@code capacity}: the
 * state's immutable value (a fold steps bars on a {@link CloseRing} instead).
 *
 * @param capacity how many closes the window keeps (the strategy's {@link Strategy#memorySize()})
 * @param closes   the closes, oldest first, each at the canonical scale
 */
public record PriceWindow(int capacity, List<BigDecimal> closes) {
    public PriceWindow {
        if (capacity < 1) {
            throw new IllegalArgumentException("a price window holds at least one close, capacity was " + capacity);
        }
        boolean canonical = true;
        for (BigDecimal close : closes) {
            canonical &= Objects.requireNonNull(close, "close").scale() == Decimals.SCALE;
        }
        if (closes.size() > capacity) {
            throw new IllegalArgumentException("a price window of capacity " + capacity + " cannot hold "
                    + closes.size() + " closes");
        }
        // an immutable list of canonical closes (what append passes) is kept as it is: no copy per bar
        closes = canonical ? List.copyOf(closes) : scaled(closes);
    }

    private static List<BigDecimal> scaled(List<BigDecimal> closes) {
        List<BigDecimal> scaled = new ArrayList<>(closes.size());
        for (BigDecimal close : closes) {
            scaled.add(Decimals.of(close));
        }
        return List.copyOf(scaled);
    }

    /** A window that remembers nothing yet. */
    public static PriceWindow empty(int capacity) {
        return new PriceWindow(capacity, List.of());
    }

    /** This window with {@code close} as its newest element, dropping the oldest beyond the capacity. */
    public PriceWindow append(BigDecimal close) {
        int from = closes.size() == capacity ? 1 : 0;
        BigDecimal[] next = new BigDecimal[closes.size() - from + 1];
        for (int i = from; i < closes.size(); i++) {
            next[i - from] = closes.get(i);
        }
        next[next.length - 1] = Decimals.of(Objects.requireNonNull(close, "close"));
        return new PriceWindow(capacity, List.of(next));
    }

    /** How many closes the window holds. */
    public int size() {
        return closes.size();
    }

    /** Whether the window holds {@code capacity} closes. */
    public boolean full() {
        return closes.size() == capacity;
    }
}
