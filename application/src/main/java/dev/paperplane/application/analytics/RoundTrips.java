package dev.paperplane.application.analytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The closed round trips in the order they closed, packed in eleven longs each (the strategy, instrument and side
 * as indices into a small table of names; netPnl and holdingSeconds are derived exactly as {@code Book} makes
 * them). Not thread-safe.
 */
final class RoundTrips {
    private static final int NAMES = 0;
    private static final int QUANTITY = 1;
    private static final int OPEN_SEQ = 2;
    private static final int OPEN_SECOND = 3;
    private static final int CLOSE_SEQ = 4;
    private static final int CLOSE_SECOND = 5;
    private static final int NANOS = 6;
    private static final int ENTRY = 7;
    private static final int EXIT = 8;
    private static final int GROSS = 9;
    private static final int FEES = 10;
    private static final int NAME_BITS = 21;
    private static final long NAME_MASK = (1L << NAME_BITS) - 1;

    private final PackedRows rows;
    private final List<String> names;
    private final Map<String, Integer> indices;

    RoundTrips() {
        this(new PackedRows(11), new ArrayList<>(), new HashMap<>());
    }

    private RoundTrips(PackedRows rows, List<String> names, Map<String, Integer> indices) {
        this.rows = rows;
        this.names = names;
        this.indices = indices;
    }

    /** A copy that goes on independently, sharing the trips closed so far with this one's root. */
    RoundTrips copy() {
        return new RoundTrips(rows.fork(rows.size()), new ArrayList<>(names), new HashMap<>(indices));
    }

    void add(RoundTrip trip) {
        if (!trip.netPnl().equals(trip.grossPnl().subtract(trip.fees()))
                || trip.holdingSeconds() != Duration.between(trip.openTime(), trip.closeTime()).toSeconds()) {
            throw new IllegalArgumentException("a round trip's net PnL and holding time follow from its other figures");
        }
        int row = rows.append();
        rows.set(row, NAMES, index(trip.strategy()) | (long) index(trip.instrument()) << NAME_BITS
                | (long) index(trip.side()) << 2 * NAME_BITS);
        rows.setDecimal(row, QUANTITY, trip.quantity());
        rows.set(row, OPEN_SEQ, trip.openSeq());
        rows.set(row, OPEN_SECOND, trip.openTime().getEpochSecond());
        rows.set(row, CLOSE_SEQ, trip.closeSeq());
        rows.set(row, CLOSE_SECOND, trip.closeTime().getEpochSecond());
        rows.set(row, NANOS, trip.openTime().getNano() | (long) trip.closeTime().getNano() << 32);
        rows.setDecimal(row, ENTRY, trip.entryPrice());
        rows.setDecimal(row, EXIT, trip.exitPrice());
        rows.setDecimal(row, GROSS, trip.grossPnl());
        rows.setDecimal(row, FEES, trip.fees());
    }

    int size() {
        return rows.size();
    }

    RoundTrip get(int row) {
        long packed = rows.get(row, NAMES);
        long nanos = rows.get(row, NANOS);
        Instant open = Instant.ofEpochSecond(rows.get(row, OPEN_SECOND), nanos & 0xFFFF_FFFFL);
        Instant close = Instant.ofEpochSecond(rows.get(row, CLOSE_SECOND), nanos >>> 32);
        BigDecimal gross = rows.decimal(row, GROSS);
        BigDecimal fees = rows.decimal(row, FEES);
        return new RoundTrip(name(packed), name(packed >>> NAME_BITS), name(packed >>> 2 * NAME_BITS),
                rows.decimal(row, QUANTITY), rows.get(row, OPEN_SEQ), open, rows.get(row, CLOSE_SEQ), close,
                rows.decimal(row, ENTRY), rows.decimal(row, EXIT), gross, fees, gross.subtract(fees),
                Duration.between(open, close).toSeconds());
    }

    /** The trips as a list, decoded when read. */
    List<RoundTrip> asList() {
        return new AbstractList<>() {
            @Override
            public RoundTrip get(int index) {
                return RoundTrips.this.get(index);
            }

            @Override
            public int size() {
                return rows.size();
            }
        };
    }

    /**
     * Up to {@code max} trips closed after seq {@code afterCloseSeq}, oldest first, of the given strategy and
     * instrument when given.
     */
    List<RoundTrip> after(long afterCloseSeq, Optional<String> strategy, Optional<String> instrument, int max) {
        int low = 0;
        int high = rows.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (rows.get(mid, CLOSE_SEQ) <= afterCloseSeq) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        long strategyIndex = strategy.map(indices::get).map(Integer::longValue).orElse(-1L);
        long instrumentIndex = instrument.map(indices::get).map(Integer::longValue).orElse(-1L);
        List<RoundTrip> page = new ArrayList<>();
        if ((strategy.isPresent() && strategyIndex < 0) || (instrument.isPresent() && instrumentIndex < 0)) {
            return page;
        }
        for (int row = low; row < rows.size() && page.size() < max; row++) {
            long packed = rows.get(row, NAMES);
            if ((strategyIndex < 0 || (packed & NAME_MASK) == strategyIndex)
                    && (instrumentIndex < 0 || (packed >>> NAME_BITS & NAME_MASK) == instrumentIndex)) {
                page.add(get(row));
            }
        }
        return page;
    }

    private int index(String name) {
        Integer known = indices.get(name);
        if (known != null) {
            return known;
        }
        if (names.size() > NAME_MASK) {
            throw new IllegalStateException("more than " + NAME_MASK + " strategy and instrument names");
        }
        names.add(name);
        indices.put(name, names.size() - 1);
        return names.size() - 1;
    }

    private String name(long packed) {
        return names.get((int) (packed & NAME_MASK));
    }
}
