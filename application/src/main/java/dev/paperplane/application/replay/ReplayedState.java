package dev.paperplane.application.replay;

import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.domain.runtime.RuntimeState;
import java.util.Objects;

/**
 * The runtime state folded up to and including one seq of the log.
 *
 * @param head  the seq and chain hash the state is at
 * @param state the fold of every event up to {@code head.seq()}
 * @param fromSnapshotSeq the seq of the snapshot the fold started from, 0 for a replay from genesis
 */
public record ReplayedState(ChainHead head, RuntimeState state, long fromSnapshotSeq) {
    /** The state of an empty log. */
    public static final ReplayedState GENESIS = new ReplayedState(ChainHead.GENESIS, RuntimeState.EMPTY, 0);

    public ReplayedState {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(state, "state");
    }

    /** The seq the state is at. */
    public long seq() {
        return head.seq();
    }
}
