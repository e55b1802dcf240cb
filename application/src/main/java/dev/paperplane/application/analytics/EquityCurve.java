package dev.paperplane.application.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The equity curve kept at one-minute resolution (the finest interval served): per UTC minute with an
 * equity-moving event, the last such event's seq, equity and running peak, packed in four longs. Coarser intervals
 * take the last minute of each of their buckets. Memory grows with the minutes the log covers, not with its events.
 * Not thread-safe.
 */
final class EquityCurve {
    private static final int MINUTE_SECONDS = 60;
    private static final int MINUTE = 0;
    private static final int SEQ = 1;
    private static final int EQUITY = 2;
    private static final int PEAK = 3;
    private final PackedRows rows;

    EquityCurve() {
        this(new PackedRows(4));
    }

    private EquityCurve(PackedRows rows) {
        this.rows = rows;
    }

    void observe(long seq, Instant time, Fixed equity, Fixed peak) {
        long minute = Math.floorDiv(time.getEpochSecond(), MINUTE_SECONDS);
        int size = rows.size();
        int row = size > 0 && rows.get(size - 1, MINUTE) == minute ? size - 1 : rows.append();
        rows.set(row, MINUTE, minute);
        rows.set(row, SEQ, seq);
        rows.setDecimal(row, EQUITY, equity);
        rows.setDecimal(row, PEAK, peak);
    }

    /**
     * A copy that goes on independently: it shares every point but the last with this curve's root (which only
     * ever moves its last point), and copies the last.
     */
    EquityCurve copy() {
        return new EquityCurve(rows.fork(Math.max(0, rows.size() - 1)));
    }

    /** Up to {@code max} points of {@code intervalSeconds} (a multiple of 60) whose end is after {@code after}. */
    List<EquityPoint> page(long intervalSeconds, long after, int max) {
        List<EquityPoint> out = new ArrayList<>();
        Iterator<EquityPoint> points = points(intervalSeconds, after).iterator();
        while (out.size() < max && points.hasNext()) {
            out.add(points.next());
        }
        return out;
    }

    /**
     * The points of {@code intervalSeconds} (a multiple of 60) whose end is after {@code after}, made as they are
     * read: a bucket's last minute is found by binary search, so a coarse interval costs its points, not the log's
     * minutes, and no list of a fine one is ever held.
     */
    Iterable<EquityPoint> points(long intervalSeconds, long after) {
        long perBucket = intervalSeconds / MINUTE_SECONDS;
        // the first minute whose bucket ends after `after`: bucket end = (floor(m / k) + 1) × k × 60 > after
        long firstMinute = Math.floorDiv(after, intervalSeconds) * perBucket;
        return () -> new Iterator<>() {
            private int next = search(firstMinute);

            @Override
            public boolean hasNext() {
                return next < rows.size();
            }

            @Override
            public EquityPoint next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long bucket = Math.floorDiv(rows.get(next, MINUTE), perBucket);
                int last = search((bucket + 1) * perBucket) - 1;
                next = last + 1;
                BigDecimal equity = rows.decimal(last, EQUITY);
                BigDecimal peak = rows.decimal(last, PEAK);
                return new EquityPoint(Instant.ofEpochSecond((bucket + 1) * intervalSeconds), rows.get(last, SEQ),
                        equity, peak, peak.subtract(equity));
            }
        };
    }

    private int search(long minute) {
        int low = 0;
        int high = rows.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (rows.get(mid, MINUTE) < minute) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
