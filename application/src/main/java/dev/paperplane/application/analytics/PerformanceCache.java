package dev.paperplane.application.analytics;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The analytics fold at the log's head, brought up to date on request like the observer's state cache: the first
 * request folds from genesis, every later one folds only the records appended since, each record once. A report
 * at an earlier seq is folded afresh from genesis. No timer, no thread.
 */
public final class PerformanceCache {
    private final AuditReadPort log;
    private final ReentrantLock lock = new ReentrantLock();
    private final PerformanceFold fold = new PerformanceFold();
    private ChainHead head = ChainHead.GENESIS;
    private Performance latest;

    /**
     * The figures at one seq of the log.
     *
     * @param head the seq and chain hash they are at
     */
    public record Performance(ChainHead head, PerformanceReport report) {
    }

    /** A cache over {@code log}. */
    public PerformanceCache(AuditReadPort log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The figures at the log's current head, the risk-adjusted ones of daily returns. */
    public Performance atHead() {
        return atHead("1d", 1);
    }

    /** The figures at the log's current head, the risk-adjusted ones of {@code interval}'s returns. */
    public Performance atHead(String interval, long intervalsPerDay) {
        lock.lock();
        try {
            Performance daily = caughtUp(log.head().seq());
            return intervalsPerDay == 1 ? daily
                    : new Performance(daily.head(), fold.report(interval, intervalsPerDay));
        } finally {
            lock.unlock();
        }
    }

    /**
     * The figures after {@code seq}, the risk-adjusted ones of {@code interval}'s returns.
     *
     * @throws IllegalArgumentException when {@code seq} is negative or beyond the head
     */
    public Performance at(long seq, String interval, long intervalsPerDay) {
        long end = log.head().seq();
        if (seq < 0 || seq > end) {
            throw new IllegalArgumentException("seq " + seq + " is outside the log (0.." + end + ")");
        }
        lock.lock();
        try {
            if (seq >= fold.seq()) {
                Performance daily = caughtUp(seq);
                return intervalsPerDay == 1 ? daily
                        : new Performance(daily.head(), fold.report(interval, intervalsPerDay));
            }
        } finally {
            lock.unlock();
        }
        PerformanceFold fresh = new PerformanceFold();
        return new Performance(advance(fresh, ChainHead.GENESIS, seq), fresh.report(interval, intervalsPerDay));
    }

    /**
     * Up to {@code max} round trips closed after seq {@code afterCloseSeq} at the log's head, oldest first, of the
     * given strategy and instrument when given.
     */
    public List<RoundTrip> trips(long afterCloseSeq, Optional<String> strategy, Optional<String> instrument,
                                 int max) {
        lock.lock();
        try {
            caughtUp(log.head().seq());
            List<RoundTrip> all = fold.trips();
            int low = 0;
            int high = all.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (all.get(mid).closeSeq() <= afterCloseSeq) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            List<RoundTrip> page = new ArrayList<>();
            for (int i = low; i < all.size() && page.size() < max; i++) {
                RoundTrip trip = all.get(i);
                if (strategy.map(trip.strategy()::equals).orElse(true)
                        && instrument.map(trip.instrument()::equals).orElse(true)) {
                    page.add(trip);
                }
            }
            return page;
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code max} points of the equity curve at the log's head; see {@link PerformanceFold#equityCurve}. */
    public List<EquityPoint> equityCurve(long intervalSeconds, long after, int max) {
        lock.lock();
        try {
            caughtUp(log.head().seq());
            return fold.equityCurve(intervalSeconds, after, max);
        } finally {
            lock.unlock();
        }
    }

    private Performance caughtUp(long seq) {
        if (latest == null || latest.head().seq() != seq) {
            head = advance(fold, head, seq);
            latest = new Performance(head, fold.report());
        }
        return latest;
    }

    /** Folds the records after {@code from} up to and including {@code seq}; returns where it stopped. */
    private ChainHead advance(PerformanceFold target, ChainHead from, long seq) {
        ChainHead at = from;
        if (seq <= from.seq()) {
            return at;
        }
        try (Stream<AuditRecord> records = log.readAfter(from.seq())) {
            Iterator<AuditRecord> it = records.iterator();
            while (at.seq() < seq && it.hasNext()) {
                AuditRecord record = it.next();
                target.apply(record.seq(), record.event());
                at = new ChainHead(record.seq(), record.hash());
            }
        }
        if (at.seq() != seq) {
            throw new IllegalStateException("the log ended at seq " + at.seq() + " before seq " + seq);
        }
        return at;
    }
}
