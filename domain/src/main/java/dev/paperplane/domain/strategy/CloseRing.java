package dev.paperplane.domain.strategy;

import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.num.Unscaled;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A {@link PriceWindow} kept in place while a fold steps bars: a ring of at most {@code capacity} closes, oldest
 * first, each converted once, as it enters, to the unscaled {@code long} the strategies' arithmetic reads. Not
 * thread-safe; a strategy reads it and never appends.
 */
public final class CloseRing {
    private final int capacity;
    private final BigDecimal[] closes;
    // closes[i] × 10^8, or Unscaled.NONE where that is beyond a long
    private final long[] unscaled;
    private int oldest;
    private int size;
    // how many of the closes held are beyond a long: while any is, sums take the exact BigDecimal form
    private int wide;
    // the window this ring holds, made when asked for and kept until the next append
    private PriceWindow frozen;

    /** A ring holding {@code window}'s closes, appended to in place from then on. */
    public CloseRing(PriceWindow window) {
        this.capacity = window.capacity();
        this.closes = new BigDecimal[capacity];
        this.unscaled = new long[capacity];
        for (BigDecimal close : window.closes()) {
            append(close);
        }
        this.frozen = window;
    }

    /** Makes {@code close} the newest close, dropping the oldest when the ring is full. */
    public void append(BigDecimal close) {
        BigDecimal canonical = Decimals.of(Objects.requireNonNull(close, "close"));
        int at;
        if (size < capacity) {
            at = slot(size++);
        } else {
            at = oldest;
            if (unscaled[at] == Unscaled.NONE) {
                wide--;
            }
            oldest = oldest + 1 == capacity ? 0 : oldest + 1;
        }
        long u = Unscaled.of(canonical);
        if (u == Unscaled.NONE) {
            wide++;
        }
        closes[at] = canonical;
        unscaled[at] = u;
        frozen = null;
    }

    /** This ring, or when {@code newCapacity} differs a new one holding as many of the latest closes as fit. */
    public CloseRing resized(int newCapacity) {
        if (newCapacity == capacity) {
            return this;
        }
        List<BigDecimal> all = window().closes();
        return new CloseRing(new PriceWindow(newCapacity, all.subList(Math.max(0, size - newCapacity), size)));
    }

    /** The closes held now, as an immutable window. */
    public PriceWindow window() {
        if (frozen == null) {
            BigDecimal[] held = new BigDecimal[size];
            for (int i = 0; i < size; i++) {
                held[i] = closes[slot(i)];
            }
            frozen = new PriceWindow(capacity, List.of(held));
        }
        return frozen;
    }

    /** How many closes the ring keeps at most. */
    public int capacity() {
        return capacity;
    }

    /** How many closes the ring holds. */
    public int size() {
        return size;
    }

    /** The {@code i}-th close held, from 0 for the oldest, at the canonical scale. */
    BigDecimal close(int i) {
        return closes[slot(checked(i))];
    }

    /**
     * The {@code i}-th close held × 10^8.
     *
     * @throws ArithmeticException when that is beyond a {@code long}
     */
    long unscaled(int i) {
        long u = unscaled[slot(checked(i))];
        if (u == Unscaled.NONE) {
            throw new ArithmeticException("close " + closes[slot(i)].toPlainString() + " is beyond a long at scale 8");
        }
        return u;
    }

    /**
     * The sum of the closes {@code [from, to)} × 10^8.
     *
     * @throws ArithmeticException when a close or the sum is beyond a {@code long}
     */
    long sum(int from, int to) {
        if (wide > 0) {
            throw new ArithmeticException("a close is beyond a long at scale 8");
        }
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum = Math.addExact(sum, unscaled[slot(checked(i))]);
        }
        return sum;
    }

    /** The mean of the closes {@code [from, to)} at the canonical scale, as {@code Decimals.divide} rounds it. */
    BigDecimal mean(int from, int to) {
        try {
            return Unscaled.decimal(Unscaled.divide(sum(from, to), to - from));
        } catch (ArithmeticException beyondLong) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = from; i < to; i++) {
                sum = sum.add(close(i));
            }
            return Decimals.divide(sum, BigDecimal.valueOf(to - from));
        }
    }

    private int checked(int i) {
        return Objects.checkIndex(i, size);
    }

    private int slot(int i) {
        int at = oldest + i;
        return at < capacity ? at : at - capacity;
    }
}
