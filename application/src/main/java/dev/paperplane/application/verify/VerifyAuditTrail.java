package dev.paperplane.application.verify;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotCodec;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.domain.runtime.RuntimeState;
import dev.paperplane.domain.runtime.StateFold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Offline, read-only verification of a store: every seq present and contiguous, every chain hash correct, every
 * snapshot intact and byte-equal to a replay of the log up to its seq.
 */
public final class VerifyAuditTrail {
    private final AuditReadPort log;
    private final SnapshotLoadPort snapshots;

    /** Verification of one store's read side. */
    public VerifyAuditTrail(AuditReadPort log, SnapshotLoadPort snapshots) {
        this.log = log;
        this.snapshots = snapshots;
    }

    /** Verifies everything, reporting each verified seq to {@code progress}. */
    public VerificationReport verify(LongConsumer progress) {
        List<String> findings = new ArrayList<>();
        List<SnapshotInfo> intact = new ArrayList<>();
        for (SnapshotInfo info : snapshots.list()) {
            if (info.problem().isPresent()) {
                findings.add("snapshot at seq " + info.seq() + ": " + info.problem().get());
            } else {
                intact.add(info);
            }
        }
        intact.sort(Comparator.comparingLong(SnapshotInfo::seq));
        Iterator<SnapshotInfo> pending = intact.iterator();
        SnapshotInfo nextSnapshot = pending.hasNext() ? pending.next() : null;

        StateFold state = RuntimeState.EMPTY.fold();
        ChainHead head = ChainHead.GENESIS;
        int snapshotsChecked = 0;
        Optional<VerificationReport.Corruption> corruption = Optional.empty();
        try (Stream<AuditRecord> records = log.readAfter(0)) {
            Iterator<AuditRecord> it = records.iterator();
            while (it.hasNext()) {
                AuditRecord record = it.next();
                state.apply(record.event());
                head = new ChainHead(record.seq(), record.hash());
                progress.accept(record.seq());
                while (nextSnapshot != null && nextSnapshot.seq() <= head.seq()) {
                    if (nextSnapshot.seq() == head.seq()) {
                        Optional<String> problem = compare(nextSnapshot, head, state.state());
                        if (problem.isPresent()) {
                            findings.add(problem.get());
                        } else {
                            snapshotsChecked++;
                        }
                    }
                    nextSnapshot = pending.hasNext() ? pending.next() : null;
                }
            }
        } catch (AuditCorruptionException e) {
            corruption = Optional.of(new VerificationReport.Corruption(e.seq(), e.segment(), e.offset(), e.getMessage()));
            findings.add(e.getMessage());
        } catch (IllegalStateException e) {
            findings.add("replay failed after seq " + head.seq() + ": " + e.getMessage());
        }
        if (corruption.isEmpty()) {
            for (SnapshotInfo beyond = nextSnapshot; beyond != null; beyond = pending.hasNext() ? pending.next() : null) {
                findings.add("snapshot at seq " + beyond.seq() + " is beyond the log's last seq " + head.seq());
            }
        }
        return new VerificationReport(head, state.state().digest(), snapshotsChecked, corruption, findings,
                log.tornTail());
    }

    private Optional<String> compare(SnapshotInfo info, ChainHead head, RuntimeState replayed) {
        Optional<Snapshot> loaded = snapshots.load(info.seq());
        if (loaded.isEmpty()) {
            return Optional.of("snapshot at seq " + info.seq() + ": listed as intact but could not be loaded");
        }
        Snapshot snapshot = loaded.get();
        if (!snapshot.chainHash().equals(head.hash())) {
            return Optional.of("snapshot at seq " + info.seq() + ": chain hash " + snapshot.chainHash()
                    + " differs from the log's " + head.hash());
        }
        if (!Arrays.equals(snapshot.state(), SnapshotCodec.encode(replayed))) {
            return Optional.of("snapshot at seq " + info.seq() + ": state differs from a replay of the log up to that seq");
        }
        return Optional.empty();
    }
}
