package dev.paperplane.application.analytics;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The analytics fold at the log's head, brought up to date on request like the observer's state cache: the first
 * request folds from genesis, every later one folds only the records appended since, each record once. On its way
 * the head's fold leaves at most {@value #MAX_CHECKPOINTS} checkpoints (copies of itself) at evenly spaced seqs; the
 * figures at an earlier seq are folded from the nearest checkpoint at or below it, so {@code ?at=} reads at most one
 * spacing of records (about 1/64 of the log). No timer, no thread.
 */
public final class PerformanceCache {
    /** The most checkpoints kept: when one more is due, every other one is dropped and the spacing doubles. */
    public static final int MAX_CHECKPOINTS = 128;
    private static final long FIRST_SPACING = 1024;

    private final AuditReadPort log;
    private final ReentrantLock lock = new ReentrantLock();
    private final PerformanceFold fold = new PerformanceFold();
    private final TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private long spacing;
    private ChainHead head = ChainHead.GENESIS;
    private Performance latest;

    /**
     * The figures at one seq of the log.
     *
     * @param head the seq and chain hash they are at
     */
    public record Performance(ChainHead head, PerformanceReport report) {
    }

    /** A copy of the head's fold as it was after the record at {@code head}; never folded further itself. */
    private record Checkpoint(ChainHead head, PerformanceFold fold) {
    }

    /** A cache over {@code log}. */
    public PerformanceCache(AuditReadPort log) {
        this(log, FIRST_SPACING);
    }

    /** A cache over {@code log} whose first checkpoints are {@code firstSpacing} seqs apart. */
    PerformanceCache(AuditReadPort log, long firstSpacing) {
        this.log = Objects.requireNonNull(log, "log");
        if (firstSpacing < 1) {
            throw new IllegalArgumentException("the checkpoint spacing must be positive, was " + firstSpacing);
        }
        this.spacing = firstSpacing;
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
        Checkpoint from;
        lock.lock();
        try {
            if (seq >= fold.seq()) {
                Performance daily = caughtUp(seq);
                return intervalsPerDay == 1 ? daily
                        : new Performance(daily.head(), fold.report(interval, intervalsPerDay));
            }
            Map.Entry<Long, Checkpoint> below = checkpoints.floorEntry(seq);
            from = below == null ? new Checkpoint(ChainHead.GENESIS, new PerformanceFold())
                    : new Checkpoint(below.getValue().head(), below.getValue().fold().copy());
        } finally {
            lock.unlock();
        }
        ChainHead at = advance(from.fold(), from.head(), seq);
        lock.lock();
        try {
            // the copy reads the curve points it shares with the head's fold, written under this lock
            return new Performance(at, from.fold().report(interval, intervalsPerDay));
        } finally {
            lock.unlock();
        }
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
            return fold.trips(afterCloseSeq, strategy, instrument, max);
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

    /** The seqs the checkpoints are at, for tests. */
    SortedSet<Long> checkpointSeqs() {
        lock.lock();
        try {
            return new TreeSet<>(checkpoints.keySet());
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

    /**
     * Folds the records after {@code from} up to and including {@code seq} into {@code target}; returns where it
     * stopped. The head's fold leaves a checkpoint at every multiple of the spacing it passes.
     */
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
                if (target == fold && record.seq() % spacing == 0) {
                    checkpoint(at);
                }
            }
        }
        if (at.seq() != seq) {
            throw new IllegalStateException("the log ended at seq " + at.seq() + " before seq " + seq);
        }
        return at;
    }

    private void checkpoint(ChainHead at) {
        checkpoints.put(at.seq(), new Checkpoint(at, fold.copy()));
        if (checkpoints.size() > MAX_CHECKPOINTS) {
            spacing *= 2;
            checkpoints.keySet().removeIf(kept -> kept % spacing != 0);
        }
    }
}
