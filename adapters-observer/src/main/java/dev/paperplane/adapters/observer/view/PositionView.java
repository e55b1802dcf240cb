package dev.paperplane.adapters.observer.view;

/**
 * One open position.
 *
 * @param mark the latest close, or null when the instrument has no mark yet (valued at average cost)
 */
public record PositionView(String quantity, String averageCost, String mark) {
}
