package dev.paperplane.application.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The equity curve kept at one-minute resolution (the finest interval served): per UTC minute with an
 * equity-moving event, the last such event's seq, equity and running peak. Coarser intervals take the last minute
 * of each of their buckets. Memory grows with the minutes the log covers, not with its events. Not thread-safe.
 */
final class EquityCurve {
    private static final int MINUTE = 60;
    private long[] minutes = new long[1024];
    private long[] seqs = new long[1024];
    private final List<BigDecimal> equities = new ArrayList<>();
    private final List<BigDecimal> peaks = new ArrayList<>();
    private int size;

    void observe(long seq, Instant time, BigDecimal equity, BigDecimal peak) {
        long minute = Math.floorDiv(time.getEpochSecond(), MINUTE);
        if (size > 0 && minutes[size - 1] == minute) {
            seqs[size - 1] = seq;
            equities.set(size - 1, equity);
            peaks.set(size - 1, peak);
            return;
        }
        if (size == minutes.length) {
            minutes = Arrays.copyOf(minutes, size * 2);
            seqs = Arrays.copyOf(seqs, size * 2);
        }
        minutes[size] = minute;
        seqs[size] = seq;
        equities.add(equity);
        peaks.add(peak);
        size++;
    }

    /** Up to {@code max} points of {@code intervalSeconds} (a multiple of 60) whose end is after {@code after}. */
    List<EquityPoint> page(long intervalSeconds, long after, int max) {
        long perBucket = intervalSeconds / MINUTE;
        // the first minute whose bucket ends after `after`: bucket end = (floor(m / k) + 1) × k × 60 > after
        long firstBucket = Math.floorDiv(after, intervalSeconds);
        long firstMinute = firstBucket * perBucket;
        int i = search(firstMinute);
        List<EquityPoint> out = new ArrayList<>();
        while (i < size && out.size() < max) {
            long bucket = Math.floorDiv(minutes[i], perBucket);
            int last = i;
            while (last + 1 < size && Math.floorDiv(minutes[last + 1], perBucket) == bucket) {
                last++;
            }
            Instant end = Instant.ofEpochSecond((bucket + 1) * intervalSeconds);
            if (end.getEpochSecond() > after) {
                BigDecimal equity = equities.get(last);
                BigDecimal peak = peaks.get(last);
                out.add(new EquityPoint(end, seqs[last], equity, peak, peak.subtract(equity)));
            }
            i = last + 1;
        }
        return out;
    }

    private int search(long minute) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (minutes[mid] < minute) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
