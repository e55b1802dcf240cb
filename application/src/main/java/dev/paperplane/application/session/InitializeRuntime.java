package dev.paperplane.application.session;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.ConfigFingerprint;
import dev.paperplane.application.replay.Replay;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.domain.runtime.RuntimeConfig;
import java.util.function.Consumer;

/**
 * Replay-based initialization: the runtime's state comes only from the log (newest valid snapshot plus the tail),
 * and a configuration other than the one the log records is refused before anything is written.
 */
public final class InitializeRuntime {
    private final Replay replay;

    /** Initialization over a store's read side; skipped snapshots are reported to {@code warnings}. */
    public InitializeRuntime(AuditReadPort log, SnapshotLoadPort snapshots, Consumer<String> warnings) {
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
}
