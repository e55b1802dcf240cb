package dev.paperplane.adapters.observer.view;

/** A paper fill and the record it came from. */
public record FillView(long seq, String time, String strategyId, String instrument, String side, String quantity,
                       String price, String notional, String fee) {
}
