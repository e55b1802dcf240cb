package dev.paperplane.application.audit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a store is a read-only replica of another (a PostgreSQL hot standby), and how far its replay trails.
 *
 * @param standby    whether the store is a replica that replays another's changes and refuses writes
 * @param replayLag  how old the newest change it replayed is while it has received changes it has not replayed yet;
 *                   zero once it replayed all it received (an idle source shows no growing lag), zero for a store
 *                   that is no replica; empty when unknown (a replica that has replayed nothing yet)
 */
public record Replica(boolean standby, Optional<Duration> replayLag) {
    /** A store that is its own source: no replica, no lag. */
    public static final Replica NONE = new Replica(false, Optional.of(Duration.ZERO));

    public Replica {
        Objects.requireNonNull(replayLag, "replayLag");
    }
}
