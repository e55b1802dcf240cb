package dev.paperplane.adapters.observer.view;

/** Pre-trade risk limits. */
public record RiskView(String maxPosition, String maxOrderNotional, String maxShort) {
}
