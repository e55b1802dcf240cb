package dev.paperplane.application.copy;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.audit.append.AuditWriteException;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.audit.Sealer;
import dev.paperplane.application.copy.CopyListener.Pass;
import dev.paperplane.application.copy.CopyListener.PassProgress;
import dev.paperplane.application.session.SessionBatches;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import dev.paperplane.application.verify.VerificationReport;
import dev.paperplane.application.verify.VerifyAuditTrail;
import dev.paperplane.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Copies a verified audit log and its snapshots from one store to another, whichever adapters hold them. The
 * source is only read, and its read port verifies every record; the target is held by its writer throughout. A
 * target that already holds a prefix of the source (an interrupted copy) is continued from its head; any other
 * non-empty target is refused. Records are re-encoded from the target's head with one {@link Sealer}, which
 * must reproduce the source's hash at every seq: equal hashes mean equal bytes, so the chain is the same in both
 * stores. They are appended in the runtime's batches ({@link SessionBatches}), grouped into appends of about
 * {@value #GROUP} records ({@link AuditAppendPort#appendBatches}), so a store lays them out as the runtime did.
 * Finally the target is verified as {@link VerifyAuditTrail} does.
 */
public final class CopyAuditTrail {
    /** Records after which a group of whole batches is appended: one transaction, or one durable write. */
    public static final int GROUP = 1000;
    /** Records after which a group is appended even inside a batch: far beyond any batch of the runtime's. */
    private static final int LARGEST_GROUP = 10 * GROUP;

    private final Source source;

    /**
     * The store copied from.
     *
     * @param name      how messages name it
     * @param log       its audit log
     * @param snapshots its snapshots
     */
    public record Source(String name, AuditReadPort log, SnapshotLoadPort snapshots) {
    }

    /**
     * The store copied into, held by its single writer; closing it releases the writer.
     *
     * @param name          how messages name it
     * @param appender      appends to its audit log
     * @param snapshotStore stores its snapshots
     * @param log           its audit log, read back to verify it
     * @param snapshots     its snapshots, read back
     * @param release       what {@link #close()} does
     */
    public record Target(String name, AuditAppendPort appender, SnapshotStorePort snapshotStore, AuditReadPort log,
                         SnapshotLoadPort snapshots, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }

    /**
     * What a copy did.
     *
     * @param head             the target's head after the copy: the source's head when the copy began
     * @param recordsCopied    records appended to the target
     * @param recordsPresent   records the target held already (a prefix of the source)
     * @param snapshotsCopied  snapshots stored in the target
     * @param snapshotsPresent snapshots the target held already, at the seqs of the source's
     * @param snapshotsSkipped the source's snapshots not copied: damaged, beyond its head or bound to another chain
     * @param verification     the target verified after the copy
     */
    public record Result(ChainHead head, long recordsCopied, long recordsPresent, int snapshotsCopied,
                         int snapshotsPresent, int snapshotsSkipped, VerificationReport verification) {
    }

    /** A copy of {@code source}. */
    public CopyAuditTrail(Source source) {
        this.source = source;
    }

    /**
     * Reads and verifies the whole source, then opens the target with {@code openTarget} (so a damaged source
     * creates nothing), copies into it and verifies it, reporting each pass and each skipped snapshot to
     * {@code listener}.
     *
     * @throws CopyFailedException when the source does not verify, the target is not a prefix of the source, the
     *                             source changes while it is copied, or the target fails to take a record
     */
    public Result copy(Supplier<Target> openTarget, CopyListener listener) {
        ChainHead end;
        try (PassProgress reading = listener.start(Pass.READING)) {
            end = sourceHead(reading);
        }
        try (Target target = openTarget.get()) {
            ChainHead start = target.appender().head();
            requirePrefix(target, start, end);
            ChainHead head;
            try (PassProgress copying = listener.start(Pass.COPYING)) {
                head = copyRecords(target, start, end, copying);
            }
            SnapshotCounts snapshots = copySnapshots(target, head, listener);
            VerificationReport verification;
            try (PassProgress verifying = listener.start(Pass.VERIFYING)) {
                verification = new VerifyAuditTrail(target.log(), target.snapshots())
                        .verify(seq -> verifying.update(seq, head.seq()));
            }
            return new Result(head, head.seq() - start.seq(), start.seq(), snapshots.copied(), snapshots.present(),
                    snapshots.skipped(), verification);
        }
    }

    /** Reads the whole source once, so every record is verified from genesis (a reader may start at a snapshot). */
    private ChainHead sourceHead(PassProgress progress) {
        long total = knownHead();
        try (Stream<AuditRecord> records = source.log().readAfter(0)) {
            ChainHead head = ChainHead.GENESIS;
            for (Iterator<AuditRecord> it = records.iterator(); it.hasNext(); ) {
                AuditRecord record = it.next();
                head = new ChainHead(record.seq(), record.hash());
                progress.update(record.seq(), total);
            }
            return head;
        } catch (AuditCorruptionException e) {
            throw new CopyFailedException("the source " + source.name() + " does not verify: " + e.getMessage()
                    + "; nothing was copied. Run ./paperplane verify --store " + source.name() + " for a full report");
        }
    }

    /** The source's head seq for progress, or 0 (unknown) when it fails verification: the full read says where. */
    private long knownHead() {
        try {
            return source.log().head().seq();
        } catch (AuditCorruptionException e) {
            return 0;
        }
    }

    /** Refuses a target that holds anything but a prefix of the source, naming both. */
    private void requirePrefix(Target target, ChainHead start, ChainHead end) {
        if (start.seq() == 0) {
            return;
        }
        String refused = "the target " + target.name() + " is not empty and not a prefix of the source "
                + source.name() + ": ";
        String advice = "; nothing was copied. Copy into an empty store, or into the target of an interrupted copy "
                + "of this source";
        if (start.seq() > end.seq()) {
            throw new CopyFailedException(refused + "it holds " + start.seq() + " records, the source only "
                    + end.seq() + advice);
        }
        Optional<AuditRecord> there = source.log().read(start.seq());
        if (there.isEmpty() || !there.get().hash().equals(start.hash())) {
            throw new CopyFailedException(refused + "at seq " + start.seq() + " the target holds hash " + start.hash()
                    + ", the source " + there.map(AuditRecord::hash).orElse("nothing") + advice);
        }
    }

    private ChainHead copyRecords(Target target, ChainHead start, ChainHead end, PassProgress progress) {
        ChainHead head = start;
        Groups groups = new Groups(target);
        Sealer sealer = new Sealer();
        // the record before the first copied one tells whether that one begins a batch of the runtime's
        AuditEvent previous = start.seq() == 0 ? null : source.log().read(start.seq()).map(AuditRecord::event)
                .orElseThrow(() -> new CopyFailedException("the source " + source.name() + " lost its record at seq "
                        + start.seq() + " while being copied; run the copy again"));
        try (Stream<AuditRecord> records = source.log().readAfter(start.seq())) {
            Iterator<AuditRecord> it = records.iterator();
            while (head.seq() < end.seq() && it.hasNext()) {
                AuditRecord record = it.next();
                EncodedRecord sealed = sealer.seal(head, record.event());
                // the chain-identity guarantee: the same event after the same head is the same bytes
                if (sealed.seq() != record.seq() || !sealed.hash().equals(record.hash())) {
                    throw new CopyFailedException("re-encoding record seq " + record.seq() + " of " + source.name()
                            + " gives seq " + sealed.seq() + " hash " + sealed.hash() + ", but the source holds hash "
                            + record.hash() + ": this paperplane cannot reproduce its bytes exactly; the target "
                            + target.name() + " holds the records up to seq " + target.appender().head().seq()
                            + " intact");
                }
                if (SessionBatches.startsBatch(previous, record.event())) {
                    groups.batchStarts();
                }
                groups.add(sealed);
                previous = record.event();
                head = new ChainHead(sealed.seq(), sealed.hash());
                progress.update(head.seq() - start.seq(), end.seq() - start.seq());
            }
            groups.flush();
        } catch (AuditCorruptionException e) {
            throw new CopyFailedException("the source " + source.name() + " failed verification while being copied: "
                    + e.getMessage() + "; the target " + target.name() + " holds the records up to seq "
                    + target.appender().head().seq() + ", all verified");
        }
        if (head.seq() != end.seq()) {
            throw new CopyFailedException("the source " + source.name() + " ended at seq " + head.seq()
                    + " while copying, before its head seq " + end.seq() + " was reached; run the copy again");
        }
        return head;
    }

    /** The runtime's batches, gathered into groups of about {@link #GROUP} records, each group one append. */
    private static final class Groups {
        private final Target target;
        private List<List<EncodedRecord>> batches = new ArrayList<>();
        private List<EncodedRecord> batch = new ArrayList<>();
        private int records;

        Groups(Target target) {
            this.target = target;
        }

        /** The records added next begin a batch of the runtime's. */
        void batchStarts() {
            endBatch();
            if (records >= GROUP) {
                flush();
            }
        }

        void add(EncodedRecord record) {
            if (records >= LARGEST_GROUP) {
                // a log not written in bar batches (none the runtime writes) still goes in bounded appends
                flush();
            }
            batch.add(record);
            records++;
        }

        private void endBatch() {
            if (!batch.isEmpty()) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }

        /** Appends the gathered batches. */
        void flush() {
            endBatch();
            if (batches.isEmpty()) {
                return;
            }
            try {
                target.appender().appendBatches(batches);
            } catch (AuditWriteException e) {
                throw new CopyFailedException("the copy stopped: " + e.getMessage() + "; run the same copy again: it "
                        + "continues from what " + target.name() + " holds");
            }
            batches = new ArrayList<>();
            records = 0;
        }
    }

    private record SnapshotCounts(int copied, int present, int skipped) {
    }

    /** Stores every intact snapshot of the source, bound to the copied chain, that the target lacks. */
    private SnapshotCounts copySnapshots(Target target, ChainHead head, CopyListener listener) {
        Set<Long> present = target.snapshots().list().stream().map(SnapshotInfo::seq)
                .collect(Collectors.toCollection(TreeSet::new));
        List<SnapshotInfo> offered = new ArrayList<>(source.snapshots().list());
        offered.sort(Comparator.comparingLong(SnapshotInfo::seq));
        int copied = 0;
        int already = 0;
        int skipped = 0;
        for (SnapshotInfo info : offered) {
            if (present.contains(info.seq())) {
                already++;
                continue;
            }
            Optional<String> problem = info.problem();
            Optional<Snapshot> snapshot = Optional.empty();
            if (problem.isEmpty() && info.seq() > head.seq()) {
                problem = Optional.of("it is beyond the copied head seq " + head.seq());
            }
            if (problem.isEmpty()) {
                snapshot = source.snapshots().load(info.seq());
                if (snapshot.isEmpty()) {
                    problem = Optional.of("it cannot be loaded intact");
                } else if (!snapshot.get().chainHash().equals(chainHashAt(info.seq()))) {
                    problem = Optional.of("it is bound to chain hash " + snapshot.get().chainHash()
                            + ", not to this log's hash at its seq");
                }
            }
            if (problem.isPresent()) {
                skipped++;
                listener.snapshotSkipped(info.seq(), problem.get());
                continue;
            }
            target.snapshotStore().store(snapshot.get());
            copied++;
        }
        return new SnapshotCounts(copied, already, skipped);
    }

    private String chainHashAt(long seq) {
        return seq == 0 ? ChainHead.GENESIS.hash()
                : source.log().read(seq).map(AuditRecord::hash).orElse(ChainHead.GENESIS.hash());
    }
}
