package dev.paperplane.domain.strategy;

import dev.paperplane.domain.market.Bar;

/** A built-in trading strategy: a pure function from the recent closes of an instrument to a {@link Signal}. */
public interface Strategy {

    /** The configuration this strategy was created from. */
    StrategySpec spec();

    /** How many of the latest closes per instrument the strategy needs to remember. */
    int memorySize();

    /**
     * Decides on one bar.
     *
     * @param closes the latest closes of {@code bar}'s instrument, oldest first, ending with {@code bar}'s close;
     *               read only
     * @param bar    the bar being decided on
     * @return the decision, with its reason and the indicator values behind it
     */
    Signal decide(CloseRing closes, Bar bar);

    /** {@link #decide(CloseRing, Bar)} on an immutable window of closes. */
    default Signal decide(PriceWindow closes, Bar bar) {
        return decide(new CloseRing(closes), bar);
    }
}
