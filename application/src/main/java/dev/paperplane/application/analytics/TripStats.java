package dev.paperplane.application.analytics;

import java.math.BigDecimal;

/**
 * Figures of a set of closed round trips. Every figure that would divide by zero is null.
 *
 * @param closed              number of closed round trips
 * @param wins                trips with netPnl &gt; 0
 * @param losses              trips with netPnl &lt; 0
 * @param winRate             wins / closed
 * @param profitFactor        Σ winning netPnl / |Σ losing netPnl|; null without a losing trip
 * @param expectancy          Σ netPnl / closed
 * @param averageWin          Σ winning netPnl / wins
 * @param averageLoss         Σ losing netPnl / losses (negative)
 * @param largestWin          the largest netPnl of a win
 * @param largestLoss         the smallest netPnl of a loss
 * @param averageHoldingSeconds Σ holdingSeconds / closed, rounded HALF_EVEN to whole seconds
 */
public record TripStats(long closed, long wins, long losses, BigDecimal winRate, BigDecimal profitFactor,
                        BigDecimal expectancy, BigDecimal averageWin, BigDecimal averageLoss, BigDecimal largestWin,
                        BigDecimal largestLoss, Long averageHoldingSeconds) {
}
