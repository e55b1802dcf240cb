package dev.paperplane.application.session;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ConfigFingerprint;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.audit.Sealer;
import dev.paperplane.application.replay.Replay;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.runtime.PaperTradingCore;
import dev.paperplane.domain.session.RuntimeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replay-based initialization: the runtime's state comes only from the log (newest valid snapshot plus the tail),
 * and a configuration other than the one the log records is refused before anything is written.
 */
public final class InitializeRuntime {
    private final AuditReadPort log;
    private final Replay replay;

    /** Initialization over a store's read side; skipped snapshots are reported to {@code warnings}. */
    public InitializeRuntime(AuditReadPort log, SnapshotLoadPort snapshots, Consumer<String> warnings) {
        this.log = log;
        this.replay = new Replay(log, snapshots, warnings);
    }

    /**
     * The state at the log's head, checked against the configuration the runtime is asked to run.
     *
     * @throws ConfigMismatchException when the log records another configuration
     */
    public ReplayedState initialize(RuntimeConfig config) {
        ReplayedState state = replay.toHead();
        String requested = ConfigFingerprint.of(config);
        state.state().config().map(ConfigFingerprint::of).ifPresent(recorded -> {
            if (!recorded.equals(requested)) {
                throw new ConfigMismatchException(recorded, requested);
            }
        });
        return state;
    }

    /**
     * The events a crash cut from the log's last batch, to be appended before anything else; empty when that batch
     * is whole. A batch goes in with one write, and a kill during it can leave the write short at a page boundary:
     * the bar's first records intact, the rest missing. The core recomputes the bar's events from the state before
     * it, and when the log holds a strict prefix of them, the rest is what an uninterrupted run would have written.
     *
     * @param head the state at the log's head, as {@link #initialize} returned it
     */
    public List<AuditEvent> unfinishedBatch(ReplayedState head) {
        List<AuditRecord> stored = new ArrayList<>();
        long seq = head.seq();
        // walk back to the last bar's MarketBarObserved: only its decisions and outcomes can follow it in a batch
        for (; seq >= 1; seq--) {
            AuditRecord record = log.read(seq).orElseThrow(() -> new IllegalStateException("the log lost a record"));
            if (record.event() instanceof SessionStarted || record.event() instanceof SessionCompleted) {
                return List.of();
            }
            stored.addFirst(record);
            if (record.event() instanceof MarketBarObserved) {
                break;
            }
        }
        if (seq < 1) {
            return List.of();
        }
        ReplayedState before = replay.to(seq - 1);
        if (!before.state().session().open()) {
            return List.of();
        }
        List<AuditEvent> whole = PaperTradingCore.step(before.state(), ((MarketBarObserved) stored.getFirst().event()).bar());
        if (stored.size() >= whole.size()) {
            return List.of();
        }
        // the stored records must be exactly the recomputed ones, byte for byte: same chain hashes
        ChainHead chain = before.head();
        Sealer sealer = new Sealer();
        for (int i = 0; i < stored.size(); i++) {
            EncodedRecord recomputed = sealer.seal(chain, whole.get(i));
            if (!recomputed.hash().equals(stored.get(i).hash())) {
                return List.of();
            }
            chain = new ChainHead(recomputed.seq(), recomputed.hash());
        }
        return List.copyOf(whole.subList(stored.size(), whole.size()));
    }
}
