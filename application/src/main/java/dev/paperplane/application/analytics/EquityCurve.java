package dev.paperplane.application.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    void observe(long seq, Instant time, BigDecimal equity, BigDecimal peak) {
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
        long perBucket = intervalSeconds / MINUTE_SECONDS;
        // the first minute whose bucket ends after `after`: bucket end = (floor(m / k) + 1) × k × 60 > after
        long firstBucket = Math.floorDiv(after, intervalSeconds);
        long firstMinute = firstBucket * perBucket;
        int size = rows.size();
        int i = search(firstMinute);
        List<EquityPoint> out = new ArrayList<>();
        while (i < size && out.size() < max) {
            long bucket = Math.floorDiv(rows.get(i, MINUTE), perBucket);
            int last = i;
            while (last + 1 < size && Math.floorDiv(rows.get(last + 1, MINUTE), perBucket) == bucket) {
                last++;
            }
            Instant end = Instant.ofEpochSecond((bucket + 1) * intervalSeconds);
            if (end.getEpochSecond() > after) {
                BigDecimal equity = rows.decimal(last, EQUITY);
                BigDecimal peak = rows.decimal(last, PEAK);
                out.add(new EquityPoint(end, rows.get(last, SEQ), equity, peak, peak.subtract(equity)));
            }
            i = last + 1;
        }
        return out;
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
