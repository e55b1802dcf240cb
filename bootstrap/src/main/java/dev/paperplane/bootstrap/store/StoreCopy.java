package dev.paperplane.bootstrap.store;

import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.append.AuditWriteException;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.session.SessionBatches;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.verify.VerificationReport;
import dev.paperplane.application.verify.VerifyAuditTrail;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.progress.ProgressReporter;
import dev.paperplane.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Copies a verified audit log and its snapshots from one store to another, whichever adapters hold them. The
 * source is only read, and its read port verifies every record; the target is held by its writer lock
 * throughout. A target that already holds a prefix of the source (an interrupted copy) is continued from its
 * head; any other non-empty target is refused. Records are re-encoded from the target's head with
 * {@link AuditCodec#seal}, which must reproduce the source's hash at every seq: equal hashes mean equal bytes,
 * so the chain is the same in both stores. Finally the target is verified as {@code verify} would.
 */
public final class StoreCopy {
    /**
     * Records grouped into one append (one transaction, or one durable write): whole batches of the runtime's are
     * added to a group until it holds at least this many, or until the next batch would start a new segment.
     */
    public static final int BATCH = 1000;
    /** Records after which a group is appended even inside a batch: far beyond any batch of the runtime's. */
    private static final int LARGEST_GROUP = 10 * BATCH;
    /** Progress label while the whole source is read and verified, before the target is opened. */
    public static final String READING = "copy (reading the source)";
    /** Progress label while records are appended to the target. */
    public static final String COPYING = "copy";
    /** Progress label while the target is verified after the copy. */
    public static final String VERIFYING = "copy (verifying the target)";

    /** Snapshots that are not copied are log events of this logger. */
    private static final System.Logger LOG = System.getLogger("paperplane.copy");

    private StoreCopy() {
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

    /**
     * Copies {@code from} into {@code to}; the target's file segments (if it is a data directory) roll at
     * {@code segmentBytes}, and warnings (a torn tail recovered, a snapshot skipped) are log events. Each pass
     * over the records (reading the source, copying, verifying the target) reports to a reporter that
     * {@code progress} starts for its label ({@link #READING}, {@link #COPYING}, {@link #VERIFYING}), counting
     * records.
     *
     * @throws UserError when the stores are the same, the source does not verify, the target is not a prefix of
     *                   the source, or either store fails
     */
    public static Result copy(StoreTarget from, StoreTarget to, long segmentBytes, Function<String, ProgressReporter> progress) {
        if (from.sameAs(to)) {
            throw UserError.usage("copy: --from and --to name the same store, " + from.describe());
        }
        try (OpenedStore.Reading source = StoreOpener.openReader(from)) {
            // verified in full before the target is even opened, so a damaged source creates nothing
            ChainHead end;
            try (ProgressReporter reading = progress.apply(READING)) {
                end = sourceHead(source, from, reading);
            }
            try (OpenedStore.Writing target = StoreOpener.openWriter(to, segmentBytes)) {
                ChainHead start = target.appender().head();
                requirePrefix(source, start, end, from, to);
                ChainHead head;
                try (ProgressReporter copying = progress.apply(COPYING)) {
                    head = copyRecords(source, target, segmentBytes, start, end, from, to, copying);
                }
                SnapshotCounts snapshots = copySnapshots(source, target, head, from);
                VerificationReport verification;
                try (ProgressReporter verifying = progress.apply(VERIFYING)) {
                    verification = new VerifyAuditTrail(target.log(), target.snapshots())
                            .verify(seq -> verifying.update(seq, head.seq()));
                }
                return new Result(head, head.seq() - start.seq(), start.seq(), snapshots.copied(),
                        snapshots.present(), snapshots.skipped(), verification);
            }
        } catch (RuntimeException e) {
            throw StoreOpener.userError(e);
        }
    }

    /** Reads the whole source once, so every record is verified from genesis (a reader may start at a snapshot). */
    private static ChainHead sourceHead(OpenedStore.Reading source, StoreTarget from, ProgressReporter progress) {
        long total = knownHead(source);
        try (Stream<AuditRecord> records = source.log().readAfter(0)) {
            ChainHead head = ChainHead.GENESIS;
            for (Iterator<AuditRecord> it = records.iterator(); it.hasNext(); ) {
                AuditRecord record = it.next();
                head = new ChainHead(record.seq(), record.hash());
                progress.update(record.seq(), total);
            }
            return head;
        } catch (AuditCorruptionException e) {
            throw new UserError("the source " + from.describe() + " does not verify: " + e.getMessage()
                    + "; nothing was copied. Run ./paperplane verify --store " + from.describe() + " for a full report");
        }
    }

    /** The source's head seq for progress, or 0 (unknown) when it fails verification: the full read says where. */
    private static long knownHead(OpenedStore.Reading source) {
        try {
            return source.log().head().seq();
        } catch (AuditCorruptionException e) {
            return 0;
        }
    }

    /** Refuses a target that holds anything but a prefix of the source, naming both. */
    private static void requirePrefix(OpenedStore.Reading source, ChainHead start, ChainHead end, StoreTarget from, StoreTarget to) {
        if (start.seq() == 0) {
            return;
        }
        String refused = "the target " + to.describe() + " is not empty and not a prefix of the source "
                + from.describe() + ": ";
        String advice = "; nothing was copied. Copy into an empty store, or into the target of an interrupted copy "
                + "of this source";
        if (start.seq() > end.seq()) {
            throw new UserError(refused + "it holds " + start.seq() + " records, the source only " + end.seq() + advice);
        }
        Optional<AuditRecord> there = source.log().read(start.seq());
        if (there.isEmpty() || !there.get().hash().equals(start.hash())) {
            throw new UserError(refused + "at seq " + start.seq() + " the target holds hash " + start.hash()
                    + ", the source " + there.map(AuditRecord::hash).orElse("nothing") + advice);
        }
    }

    private static ChainHead copyRecords(OpenedStore.Reading source, OpenedStore.Writing target, long segmentBytes,
                                         ChainHead start, ChainHead end, StoreTarget from, StoreTarget to,
                                         ProgressReporter progress) {
        ChainHead head = start;
        Appends appends = new Appends(target, segmentBytes, to);
        // the record before the first copied one tells whether that one begins a batch of the runtime's
        AuditEvent previous = start.seq() == 0 ? null : source.log().read(start.seq()).map(AuditRecord::event)
                .orElseThrow(() -> new UserError("the source " + from.describe() + " lost its record at seq "
                        + start.seq() + " while being copied; run the copy again"));
        try (Stream<AuditRecord> records = source.log().readAfter(start.seq())) {
            Iterator<AuditRecord> it = records.iterator();
            while (head.seq() < end.seq() && it.hasNext()) {
                AuditRecord record = it.next();
                EncodedRecord sealed = AuditCodec.seal(head, record.event());
                // the chain-identity guarantee: the same event after the same head is the same bytes
                if (sealed.seq() != record.seq() || !sealed.hash().equals(record.hash())) {
                    throw new UserError("re-encoding record seq " + record.seq() + " of " + from.describe()
                            + " gives seq " + sealed.seq() + " hash " + sealed.hash() + ", but the source holds hash "
                            + record.hash() + ": this paperplane cannot reproduce its bytes exactly; the target "
                            + to.describe() + " holds the records up to seq " + target.appender().head().seq() + " intact");
                }
                if (SessionBatches.startsBatch(previous, record.event())) {
                    appends.batchStarts();
                }
                appends.add(sealed);
                previous = record.event();
                head = new ChainHead(sealed.seq(), sealed.hash());
                progress.update(head.seq() - start.seq(), end.seq() - start.seq());
            }
            appends.flush();
        } catch (AuditCorruptionException e) {
            throw new UserError("the source " + from.describe() + " failed verification while being copied: "
                    + e.getMessage() + "; the target " + to.describe() + " holds the records up to seq "
                    + target.appender().head().seq() + ", all verified");
        }
        if (head.seq() != end.seq()) {
            throw new UserError("the source " + from.describe() + " ended at seq " + head.seq() + " while copying, "
                    + "before its head seq " + end.seq() + " was reached; run the copy again");
        }
        return head;
    }

    /**
     * Groups the runtime's batches ({@link SessionBatches}) into appends of about {@link #BATCH} records, and ends a
     * group before a batch the runtime's file writer began a new segment with: the target's writer rolls only
     * before an append, once its segment has reached the segment size, so it then rolls at exactly the records the
     * original did, and a data directory copied from any store holds the original's segments, byte for byte.
     */
    private static final class Appends {
        private final OpenedStore.Writing target;
        private final long segmentBytes;
        private final StoreTarget to;
        private final boolean segmented;
        /** The bytes of the target's segment as the runtime's writer would have them after the pending records. */
        private long segmentSize;
        private List<EncodedRecord> pending = new ArrayList<>(BATCH);

        Appends(OpenedStore.Writing target, long segmentBytes, StoreTarget to) {
            this.target = target;
            this.segmentBytes = segmentBytes;
            this.to = to;
            this.segmented = target.openSegmentSize().isPresent();
            this.segmentSize = target.openSegmentSize().orElse(0);
        }

        /** The records added next begin a batch of the runtime's. */
        void batchStarts() {
            boolean rolls = segmented && segmentSize >= segmentBytes;
            if (rolls || pending.size() >= BATCH) {
                flush();
            }
            if (rolls) {
                segmentSize = 0;
            }
        }

        void add(EncodedRecord record) {
            if (pending.size() >= LARGEST_GROUP) {
                // a log not written in bar batches (none the runtime writes) still goes in bounded appends
                flush();
            }
            pending.add(record);
            segmentSize += record.line().length;
        }

        /** Appends the pending records as one batch. */
        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            try {
                target.appender().append(pending);
            } catch (AuditWriteException e) {
                throw new UserError("the copy stopped: " + e.getMessage() + "; run the same copy again: it continues "
                        + "from what " + to.describe() + " holds");
            }
            pending = new ArrayList<>(BATCH);
        }
    }

    private record SnapshotCounts(int copied, int present, int skipped) {
    }

    /** Stores every intact snapshot of the source, bound to the copied chain, that the target lacks. */
    private static SnapshotCounts copySnapshots(OpenedStore.Reading source, OpenedStore.Writing target, ChainHead head,
                                                StoreTarget from) {
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
                } else if (!snapshot.get().chainHash().equals(chainHashAt(source, info.seq()))) {
                    problem = Optional.of("it is bound to chain hash " + snapshot.get().chainHash()
                            + ", not to this log's hash at its seq");
                }
            }
            if (problem.isPresent()) {
                skipped++;
                LOG.log(System.Logger.Level.WARNING, "the snapshot at seq " + info.seq() + " of " + from.describe()
                        + " is not copied: " + problem.get());
                continue;
            }
            target.snapshotStore().store(snapshot.get());
            copied++;
        }
        return new SnapshotCounts(copied, already, skipped);
    }

    private static String chainHashAt(OpenedStore.Reading source, long seq) {
        return seq == 0 ? ChainHead.GENESIS.hash()
                : source.log().read(seq).map(AuditRecord::hash).orElse(ChainHead.GENESIS.hash());
    }
}
