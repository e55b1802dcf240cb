package dev.paperplane.application.analytics;

import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Append-only rows of {@code long} cells, kept in fixed-size chunks outside the heap: 8 bytes a cell and no copy
 * of the rows when they grow, and the collector never holds room for them, so a curve or a trip list of millions
 * of rows leaves a small heap free for requests. A decimal is kept as its unscaled
 * value at {@link Decimals#SCALE} when that fits in a long, else (rare) in a side map. A {@link #fork fork} reads
 * the rows below its base count from the root it was forked from, which must never change them again, and keeps
 * copies of the rest. Not thread-safe.
 */
final class PackedRows {
    private static final int CHUNK_ROWS = 4096;
    /** The rows the first chunk starts with; it grows fourfold up to {@link #CHUNK_ROWS}. */
    private static final int FIRST_ROWS = 16;
    /** The cell of a decimal kept in {@link #wide}: no packed decimal is this small (|value| &lt; 10^18). */
    private static final long WIDE = Long.MIN_VALUE;
    /** 10^18: the unscaled values of 18 digits or fewer, the ones packed. */
    private static final long PACKED_LIMIT = 1_000_000_000_000_000_000L;

    private final int columns;
    private final PackedRows base;
    private final int baseRows;
    private LongBuffer[] chunks = new LongBuffer[8];
    private int own;
    private final Map<Long, BigDecimal> wide = new HashMap<>();

    /** An empty root table of {@code columns} cells a row. */
    PackedRows(int columns) {
        this(columns, null, 0);
    }

    private PackedRows(int columns, PackedRows base, int baseRows) {
        this.columns = columns;
        this.base = base;
        this.baseRows = baseRows;
    }

    int size() {
        return baseRows + own;
    }

    /** Adds a row of zeros; returns its index. */
    int append() {
        int chunk = own / CHUNK_ROWS;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunk * 2);
        }
        int cells = (own % CHUNK_ROWS + 1) * columns;
        if (chunks[chunk] == null) {
            // a fork keeps a row or two of its own (a checkpoint's last curve minute): its first chunk starts small
            chunks[chunk] = cells(chunk == 0 ? FIRST_ROWS * columns : CHUNK_ROWS * columns);
        } else if (chunks[chunk].capacity() < cells) {
            LongBuffer full = chunks[chunk];
            chunks[chunk] = cells(Math.min(full.capacity() * 4, CHUNK_ROWS * columns))
                    .put(0, full, 0, full.capacity());
        }
        own++;
        return size() - 1;
    }

    /** The cells this table holds in its own chunks, used or not: what it costs beyond its root. */
    long cellsHeld() {
        long cells = 0;
        for (LongBuffer chunk : chunks) {
            cells += chunk == null ? 0 : chunk.capacity();
        }
        return cells;
    }

    long get(int row, int column) {
        if (row < baseRows) {
            return base.get(row, column);
        }
        int r = row - baseRows;
        return chunks[r / CHUNK_ROWS].get(r % CHUNK_ROWS * columns + column);
    }

    /** Sets a cell of a row of this table's own (not one it shares with its root). */
    void set(int row, int column, long value) {
        if (row < baseRows) {
            throw new IllegalStateException("row " + row + " is shared with the root and cannot change");
        }
        int r = row - baseRows;
        chunks[r / CHUNK_ROWS].put(r % CHUNK_ROWS * columns + column, value);
    }

    BigDecimal decimal(int row, int column) {
        long cell = get(row, column);
        return cell == WIDE ? wideAt(row, column) : BigDecimal.valueOf(cell, Decimals.SCALE);
    }

    /** The decimal kept in the side map for this cell, null if there is none. */
    private BigDecimal wideAt(int row, int column) {
        return row < baseRows ? base.wideAt(row, column) : wide.get(cell(row, column));
    }

    void setDecimal(int row, int column, BigDecimal value) {
        if (value.scale() == Decimals.SCALE && value.precision() <= 18) {
            setPacked(row, column, value.movePointRight(Decimals.SCALE).longValueExact());
        } else {
            set(row, column, WIDE);
            wide.put(cell(row, column), value);
        }
    }

    /** As {@link #setDecimal(int, int, BigDecimal)} of the value, without making it when it is packed. */
    void setDecimal(int row, int column, Fixed value) {
        long unscaled = value.unscaled();
        if (unscaled > -PACKED_LIMIT && unscaled < PACKED_LIMIT) { // precision ≤ 18, as above; NONE is below
            setPacked(row, column, unscaled);
        } else {
            setDecimal(row, column, value.decimal());
        }
    }

    private void setPacked(int row, int column, long unscaled) {
        set(row, column, unscaled);
        if (!wide.isEmpty()) {
            wide.remove(cell(row, column));
        }
    }

    /**
     * A table with this one's rows: the first {@code shared} of them read from the root (they must never change
     * again), the rest copied.
     */
    PackedRows fork(int shared) {
        PackedRows root = base == null ? this : base;
        int fromRoot = base == null ? shared : Math.min(shared, baseRows);
        PackedRows fork = new PackedRows(columns, root, fromRoot);
        for (int row = fromRoot; row < size(); row++) {
            int copy = fork.append();
            for (int column = 0; column < columns; column++) {
                fork.set(copy, column, get(row, column));
                BigDecimal kept = wideAt(row, column);
                if (kept != null) {
                    fork.wide.put(fork.cell(copy, column), kept);
                }
            }
        }
        return fork;
    }

    /** Zeroed cells outside the heap, freed when the table that holds them is collected. */
    private static LongBuffer cells(int count) {
        return ByteBuffer.allocateDirect(count * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    }

    private long cell(int row, int column) {
        return (long) row * columns + column;
    }
}
