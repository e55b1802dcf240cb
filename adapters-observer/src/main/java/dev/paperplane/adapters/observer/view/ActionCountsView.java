package dev.paperplane.adapters.observer.view;

/** BUY and SELL decisions counted together. */
public record ActionCountsView(long buys, long sells, long total) {
}
