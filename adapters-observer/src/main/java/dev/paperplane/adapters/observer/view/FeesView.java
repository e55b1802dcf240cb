package dev.paperplane.adapters.observer.view;

/** Slippage and fee in basis points. */
public record FeesView(int slippageBps, int feeBps) {
}
