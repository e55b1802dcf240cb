package dev.paperplane.domain.runtime;

import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.decision.DecisionKey;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which decisions were recorded, per strategy and instrument. Immutable, and only ever built by folding
 * {@link DecisionRecorded} events, so a replayed log reproduces it exactly.
 */
public final class DecisionMemory {
    private static final DecisionMemory EMPTY = new DecisionMemory(Collections.emptySortedMap());

    private final SortedMap<DecisionKey, DecisionTrack> tracks;

    private DecisionMemory(SortedMap<DecisionKey, DecisionTrack> tracks) {
        this.tracks = tracks;
    }

    /** A memory of no decisions. */
    public static DecisionMemory empty() {
        return EMPTY;
    }

    /** Rebuilds a memory from its tracks, e.g. from a snapshot. */
    public static DecisionMemory restore(SortedMap<DecisionKey, DecisionTrack> tracks) {
        TreeMap<DecisionKey, DecisionTrack> copy = new TreeMap<>();
        tracks.forEach((key, track) -> copy.put(Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(track, "track")));
        return new DecisionMemory(Collections.unmodifiableSortedMap(copy));
    }

    /**
     * The memory with one more decision.
     *
     * @throws IllegalStateException if the decision is not later than the last one for its strategy and instrument
     */
    public DecisionMemory record(DecisionRecorded decision) {
        DecisionKey key = new DecisionKey(decision.strategyId(), decision.instrument());
        DecisionTrack after = DecisionTrack.after(tracks.get(key), decision);
        TreeMap<DecisionKey, DecisionTrack> next = new TreeMap<>(tracks);
        next.put(key, after);
        return new DecisionMemory(Collections.unmodifiableSortedMap(next));
    }

    /** Every strategy/instrument pair with at least one decision. */
    public SortedMap<DecisionKey, DecisionTrack> tracks() {
        return tracks;
    }

    /** The track of one strategy on one instrument, if it ever decided there. */
    public Optional<DecisionTrack> track(String strategyId, String instrument) {
        return Optional.ofNullable(tracks.get(new DecisionKey(strategyId, instrument)));
    }

    /** How many decisions were recorded in total. */
    public long count() {
        long count = 0;
        for (DecisionTrack track : tracks.values()) {
            count += track.buys() + track.sells();
        }
        return count;
    }

    /**
     * Whether the strategy already decided on the instrument at {@code barTime} or later. Bar times only move
     * forward per instrument, so a decision at a later bar implies the earlier bar was already processed.
     */
    public boolean hasDecided(String strategyId, String instrument, Instant barTime) {
        return track(strategyId, instrument).map(t -> !t.lastBarTime().isBefore(barTime)).orElse(false);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecisionMemory that && tracks.equals(that.tracks);
    }

    @Override
    public int hashCode() {
        return tracks.hashCode();
    }

    @Override
    public String toString() {
        return "DecisionMemory" + tracks;
    }
}
