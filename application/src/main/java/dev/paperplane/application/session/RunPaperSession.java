package dev.paperplane.application.session;

import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.tlog.AuditTree;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ConfigFingerprint;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.audit.append.EncodedRecord;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.application.snapshot.SnapshotCodec;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.runtime.FeedIdentity;
import dev.paperplane.domain.runtime.PaperTradingCore;
import dev.paperplane.domain.runtime.RuntimeConfig;
import dev.paperplane.domain.runtime.RuntimeState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one PAPER session over a feed, batch-driven: each new bar's events are sealed into the chain and appended as
 * one durable batch; bars the log already holds are skipped, so a run repeated after a crash appends exactly what an
 * uninterrupted run would have. No thread, no timer, no input but the feed. {@link SessionBatches} tells its batches
 * apart from the events alone (a copy regroups a log along them).
 */
public final class RunPaperSession {
    private final AuditAppendPort log;
    private final SnapshotStorePort snapshots;
    private final long snapshotEvery;

    /**
     * A session writing to {@code log}, storing a snapshot whenever {@code snapshotEvery} events were appended since
     * the last one, and at the end.
     */
    public RunPaperSession(AuditAppendPort log, SnapshotStorePort snapshots, long snapshotEvery) {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("the snapshot interval must be at least 1 event, was " + snapshotEvery);
        }
        this.log = log;
        this.snapshots = snapshots;
        this.snapshotEvery = snapshotEvery;
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
            append(progress, unfinishedBatch);
        }
        for (Optional<Bar> next = bars.get(); next.isPresent(); next = bars.get()) {
            Bar bar = next.get();
            progress.barsRead++;
            if (alreadyObserved(progress.state, bar)) {
                progress.barsSkipped++;
                continue;
            }
            List<AuditEvent> batch = new ArrayList<>();
            RuntimeState state = progress.state;
            if (!state.session().open()) {
                SessionStarted started = new SessionStarted(bar.time(), fingerprint, config, feed);
                batch.add(started);
                state = state.apply(started);
            }
            batch.addAll(PaperTradingCore.step(state, bar));
            append(progress, batch);
        }
        RuntimeState state = progress.state;
        if (state.session().open()) {
            Instant last = state.lastBarTimes().values().stream().max(Instant::compareTo)
                    .orElseThrow(() -> new IllegalStateException("an open session without any bar"));
            append(progress, List.of(PaperTradingCore.complete(state, last)));
        }
        if (progress.head.seq() > progress.lastSnapshotSeq) {
            storeSnapshot(progress);
        }
        return new SessionSummary(progress.barsRead, progress.barsSkipped, progress.eventsAppended, progress.fills,
                progress.rejections, progress.head.seq(), progress.state.ledger().equity());
    }

    /**
     * Refuses a session whose start record, at the longest seq and time it could carry, would not fit a
     * transparency-log entry; every other record's size is bounded by the core and far below the limit.
     */
    private static void requireServable(SessionStarted longest) {
        int bytes = AuditCodec.storedLine(new AuditRecord(Long.MAX_VALUE, longest, ChainHead.GENESIS.hash())).length;
        if (bytes > AuditTree.MAX_ENTRY_BYTES) {
            throw new RecordTooLongException(bytes, AuditTree.MAX_ENTRY_BYTES);
        }
    }

    private static boolean alreadyObserved(RuntimeState state, Bar bar) {
        Instant last = state.lastBarTimes().get(bar.instrument());
        return last != null && !bar.time().isAfter(last);
    }

    private void append(Progress progress, List<AuditEvent> events) {
        List<EncodedRecord> batch = new ArrayList<>(events.size());
        ChainHead head = progress.head;
        RuntimeState state = progress.state;
        for (AuditEvent event : events) {
            EncodedRecord record = AuditCodec.seal(head, event);
            if (record.line().length - 1 > AuditTree.MAX_ENTRY_BYTES) {
                // a log must never hold a record its Merkle tree cannot serve: the batch is not written
                throw new IllegalStateException("record seq " + record.seq() + " (" + event.type() + ") would be "
                        + (record.line().length - 1) + " bytes, more than a transparency-log entry can hold");
            }
            batch.add(record);
            head = new ChainHead(record.seq(), record.hash());
            state = state.apply(event);
            if (event instanceof PaperOrderFilled) {
                progress.fills++;
            } else if (event instanceof OrderRejected) {
                progress.rejections++;
            }
        }
        log.append(Collections.unmodifiableList(batch));
        progress.head = head;
        progress.state = state;
        progress.eventsAppended += events.size();
        if (head.seq() - progress.lastSnapshotSeq >= snapshotEvery) {
            storeSnapshot(progress);
        }
    }

    private void storeSnapshot(Progress progress) {
        snapshots.store(SnapshotCodec.snapshot(progress.head.seq(), progress.head.hash(), progress.state));
        progress.lastSnapshotSeq = progress.head.seq();
    }

    /** Mutable bookkeeping of one run; never outlives {@link #run}. */
    private static final class Progress {
        ChainHead head;
        RuntimeState state;
        long lastSnapshotSeq;
        long barsRead;
        long barsSkipped;
        long eventsAppended;
        long fills;
        long rejections;

        Progress(ReplayedState start) {
            head = start.head();
            state = start.state();
            lastSnapshotSeq = start.seq();
        }
    }
}
