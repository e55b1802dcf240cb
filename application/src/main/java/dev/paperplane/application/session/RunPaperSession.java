package dev.paperplane.application.session;

import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ConfigFingerprint;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.audit.SealedRecord;
import dev.paperplane.application.audit.Sealer;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.audit.append.AuditWriteException;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.application.snapshot.SnapshotCodec;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import dev.paperplane.application.tlog.AuditTree;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.runtime.PaperTradingCore;
import dev.paperplane.domain.runtime.RuntimeState;
import dev.paperplane.domain.runtime.StateFold;
import dev.paperplane.domain.session.FeedIdentity;
import dev.paperplane.domain.session.RuntimeConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one PAPER session over a feed, batch-driven: each new bar's events are sealed into the chain as one batch, and
 * whole batches are appended in groups, each made durable by one force ({@link Grouping}); bars the log already holds
 * are skipped, so a run repeated after a crash appends exactly what an uninterrupted run would have. No thread, no
 * timer, no input but the feed. {@link SessionBatches} tells its batches apart from the events alone (a copy regroups
 * a log along them).
 */
public final class RunPaperSession {
    private final AuditAppendPort log;
    private final SnapshotStorePort snapshots;
    private final long snapshotEvery;
    private final Grouping grouping;

    /**
     * A session writing to {@code log} one bar per force, storing a snapshot whenever {@code snapshotEvery} events
     * were appended since the last one, and at the end.
     */
    public RunPaperSession(AuditAppendPort log, SnapshotStorePort snapshots, long snapshotEvery) {
        this(log, snapshots, snapshotEvery, Grouping.EVERY_BAR);
    }

    /**
     * A session writing to {@code log} in groups of whole bars as {@code grouping} bounds them, storing a snapshot
     * whenever {@code snapshotEvery} events were appended since the last one (after forcing the group that reaches
     * it), and at the end.
     */
    public RunPaperSession(AuditAppendPort log, SnapshotStorePort snapshots, long snapshotEvery, Grouping grouping) {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("the snapshot interval must be at least 1 event, was " + snapshotEvery);
        }
        this.log = log;
        this.snapshots = snapshots;
        this.snapshotEvery = snapshotEvery;
        this.grouping = Objects.requireNonNull(grouping, "grouping");
    }

    /**
     * Feeds every bar {@code bars} supplies through the core, starting from {@code start} (the replayed state at the
     * log's head), and completes the session at the end of the feed.
     */
    public SessionSummary run(ReplayedState start, RuntimeConfig config, FeedIdentity feed, Supplier<Optional<Bar>> bars) {
        return run(start, List.of(), config, feed, bars);
    }

    /**
     * {@link #run(ReplayedState, RuntimeConfig, FeedIdentity, Supplier)} that first appends {@code unfinishedBatch},
     * the events a crash cut from the log's last batch ({@link InitializeRuntime#unfinishedBatch}).
     */
    public SessionSummary run(ReplayedState start, List<AuditEvent> unfinishedBatch, RuntimeConfig config,
                              FeedIdentity feed, Supplier<Optional<Bar>> bars) {
        if (!start.head().equals(log.head())) {
            throw new IllegalStateException("the replayed state is at seq " + start.seq() + " but the log's head is at seq "
                    + log.head().seq());
        }
        String fingerprint = ConfigFingerprint.of(config);
        requireServable(new SessionStarted(Instant.MAX, fingerprint, config, feed));
        Progress progress = new Progress(start);
        if (!unfinishedBatch.isEmpty()) {
            for (AuditEvent event : unfinishedBatch) {
                progress.fold.apply(event);
            }
            seal(progress, unfinishedBatch);
        }
        try {
            stepEveryBar(progress, config, fingerprint, feed, bars);
        } catch (RuntimeException e) {
            // a bad feed line (or any failure but the writer's own) keeps every bar before it: force what is pending
            if (!(e instanceof AuditWriteException)) {
                try {
                    flush(progress);
                } catch (RuntimeException f) {
                    e.addSuppressed(f);
                }
            }
            throw e;
        }
        if (progress.fold.state().session().open()) {
            RuntimeState state = progress.fold.state();
            Instant last = state.lastBarTimes().values().stream().max(Instant::compareTo)
                    .orElseThrow(() -> new IllegalStateException("an open session without any bar"));
            AuditEvent completed = PaperTradingCore.complete(state, last);
            progress.fold.apply(completed);
            seal(progress, List.of(completed));
        }
        flush(progress);
        if (progress.head.seq() > progress.lastSnapshotSeq) {
            storeSnapshot(progress);
        }
        return new SessionSummary(progress.barsRead, progress.barsSkipped, progress.eventsAppended, progress.fills,
                progress.rejections, progress.head.seq(), progress.fold.state().ledger().equity());
    }

    private void stepEveryBar(Progress progress, RuntimeConfig config, String fingerprint, FeedIdentity feed,
                              Supplier<Optional<Bar>> bars) {
        for (Optional<Bar> next = bars.get(); next.isPresent(); next = bars.get()) {
            Bar bar = next.get();
            progress.barsRead++;
            Instant last = progress.fold.lastBarTime(bar.instrument());
            if (last != null && !bar.time().isAfter(last)) {
                progress.barsSkipped++;
                continue;
            }
            List<AuditEvent> events = new ArrayList<>();
            if (!progress.fold.sessionOpen()) {
                SessionStarted started = new SessionStarted(bar.time(), fingerprint, config, feed);
                progress.fold.apply(started);
                events.add(started);
            }
            events.addAll(PaperTradingCore.step(progress.fold, bar));
            seal(progress, events);
        }
    }

    /**
     * Refuses a session whose start record, at the longest seq and time it could carry, would not fit a
     * transparency-log entry; every other record's size is bounded by the core and far below the limit.
     */
    private static void requireServable(SessionStarted longest) {
        int bytes = AuditCodec.seal(new ChainHead(Long.MAX_VALUE - 1, ChainHead.GENESIS.hash()), longest).length() - 1;
        if (bytes > AuditTree.MAX_ENTRY_BYTES) {
            throw new RecordTooLongException(bytes, AuditTree.MAX_ENTRY_BYTES);
        }
    }

    /** Seals one bar's events (already folded) into the chain as a batch of the pending group. */
    private void seal(Progress progress, List<AuditEvent> events) {
        List<EncodedRecord> batch = new ArrayList<>(events.size());
        ChainHead head = progress.head;
        for (AuditEvent event : events) {
            SealedRecord record = progress.sealer.seal(head, event);
            if (record.length() - 1 > AuditTree.MAX_ENTRY_BYTES) {
                // a log must never hold a record its Merkle tree cannot serve: the batch is not written
                throw new IllegalStateException("record seq " + record.seq() + " (" + event.type() + ") would be "
                        + (record.length() - 1) + " bytes, more than a transparency-log entry can hold");
            }
            batch.add(record);
            progress.pendingBytes += record.length();
            head = record.head();
            if (event instanceof PaperOrderFilled) {
                progress.fills++;
            } else if (event instanceof OrderRejected) {
                progress.rejections++;
            }
        }
        progress.pending.add(Collections.unmodifiableList(batch));
        progress.head = head;
        progress.eventsAppended += events.size();
        boolean snapshotDue = head.seq() - progress.lastSnapshotSeq >= snapshotEvery;
        if (snapshotDue || grouping.full(progress.pending.size(), progress.pendingBytes)) {
            flush(progress);
        }
        if (snapshotDue) {
            storeSnapshot(progress);
        }
    }

    /** Appends the pending group with one force: nothing is acknowledged before it is durable. */
    private void flush(Progress progress) {
        if (!progress.pending.isEmpty()) {
            log.appendBatches(List.copyOf(progress.pending));
            progress.pending.clear();
            progress.pendingBytes = 0;
        }
    }

    private void storeSnapshot(Progress progress) {
        snapshots.store(SnapshotCodec.snapshot(progress.head.seq(), progress.head.hash(), progress.fold.state()));
        progress.lastSnapshotSeq = progress.head.seq();
    }

    /** Mutable bookkeeping of one run; never outlives {@link #run}. */
    private static final class Progress {
        final StateFold fold;
        final Sealer sealer = new Sealer();
        final List<List<EncodedRecord>> pending = new ArrayList<>();
        long pendingBytes;
        ChainHead head;
        long lastSnapshotSeq;
        long barsRead;
        long barsSkipped;
        long eventsAppended;
        long fills;
        long rejections;

        Progress(ReplayedState start) {
            head = start.head();
            fold = start.state().fold();
            lastSnapshotSeq = start.seq();
        }
    }
}
