package dev.paperplane.domain.runtime;

import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.decision.Action;
import java.time.Instant;
import java.util.Objects;

/**
 * What one strategy decided so far for one instrument.
 *
 * @param lastBarTime time of the bar of the latest decision
 * @param lastAction  the latest decision, BUY or SELL
 * @param buys        how many BUY decisions were recorded
 * @param sells       how many SELL decisions were recorded
 */
public record DecisionTrack(Instant lastBarTime, Action lastAction, long buys, long sells) {
    public DecisionTrack {
        Objects.requireNonNull(lastBarTime, "lastBarTime");
        Objects.requireNonNull(lastAction, "lastAction");
        if (lastAction == Action.HOLD) {
            throw new IllegalArgumentException("a HOLD is never a recorded decision");
        }
        if (buys < 0 || sells < 0 || buys + sells == 0) {
            throw new IllegalArgumentException("a track counts at least one decision, was buys=" + buys
                    + " sells=" + sells);
        }
    }

    /**
     * The track after one more decision; {@code before} is null for the first decision of its strategy and
     * instrument.
     *
     * @throws IllegalStateException if the decision is not later than the last one of the track
     */
    public static DecisionTrack after(DecisionTrack before, DecisionRecorded decision) {
        if (before != null && !decision.time().isAfter(before.lastBarTime())) {
            throw new IllegalStateException("decision of strategy '" + decision.strategyId() + "' on "
                    + decision.instrument() + " at " + decision.time() + " is not after its previous decision at "
                    + before.lastBarTime() + ": a strategy decides at most once per bar and bars only move forward");
        }
        long buys = before == null ? 0 : before.buys();
        long sells = before == null ? 0 : before.sells();
        return new DecisionTrack(decision.time(), decision.action(),
                decision.action() == Action.BUY ? buys + 1 : buys,
                decision.action() == Action.SELL ? sells + 1 : sells);
    }
}
