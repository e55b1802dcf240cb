package dev.paperplane.domain.decision;

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
}
