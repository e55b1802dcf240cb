package dev.paperplane.adapters.observer.view;

/** One strategy's decisions on one instrument. */
public record TrackView(String strategyId, String instrument, long buys, long sells, String lastAction,
                        String lastBarTime) {
}
