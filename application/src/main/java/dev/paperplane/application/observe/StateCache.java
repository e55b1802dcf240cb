package dev.paperplane.application.observe;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.replay.Replay;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The replayed runtime state at the log's head, brought up to date on request: the first request replays from
 * the newest usable snapshot, every later one folds only the records appended since. No timer, no thread:
 * nothing happens between requests.
 */
public final class StateCache {
    private final AuditReadPort log;
    private final Replay replay;
    private final ReentrantLock lock = new ReentrantLock();
    private ReplayedState cached;

    /** A cache over the read ports; snapshots that replay skips are reported to {@code warnings}. */
    public StateCache(AuditReadPort log, SnapshotLoadPort snapshots, Consumer<String> warnings) {
        this.log = Objects.requireNonNull(log, "log");
        this.replay = new Replay(log, snapshots, warnings);
    }

    /** The state at the log's current head. */
    public ReplayedState atHead() {
        // The head is read before the lock, so concurrent requests ask it together (a store may share one query
        // between them); a state already past it, folded for a later request, is as fresh and is kept.
        long head = log.head().seq();
        lock.lock();
        try {
            cached = cached == null ? replay.to(head) : replay.advance(cached, head);
            return cached;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The state after {@code seq}: from the cache when it is at or before {@code seq}, otherwise replayed from
     * the nearest usable snapshot at or below it.
     *
     * @throws IllegalArgumentException when {@code seq} is negative or beyond the head
     */
    public ReplayedState at(long seq) {
        lock.lock();
        try {
            if (cached != null && cached.seq() == seq) {
                return cached;
            }
            if (cached != null && cached.seq() < seq && seq <= log.head().seq()) {
                cached = replay.advance(cached, seq);
                return cached;
            }
        } finally {
            lock.unlock();
        }
        return replay.to(seq);
    }
}
