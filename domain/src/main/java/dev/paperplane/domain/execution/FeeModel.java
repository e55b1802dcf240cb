package dev.paperplane.domain.execution;

/**
 * Costs of a PAPER fill in basis points: slippage moves the fill price against the order, the fee is
 * charged on the fill's notional.
 */
public record FeeModel(int slippageBps, int feeBps) {
    public FeeModel {
        if (slippageBps < 0 || slippageBps > 10_000) {
            throw new IllegalArgumentException("slippageBps must be within 0..10000, was " + slippageBps);
        }
        if (feeBps < 0 || feeBps > 10_000) {
            throw new IllegalArgumentException("feeBps must be within 0..10000, was " + feeBps);
        }
    }
}
