package dev.paperplane.application.analytics;

import java.math.BigDecimal;

/**
 * The whole account's figures.
 *
 * @param initialCash    the first session's initial cash
 * @param equity         cash + Σ open quantity × mark, as the ledger computes it
 * @param returnFraction pnl.total / initialCash at scale 8; null when initialCash is 0
 */
public record Portfolio(BigDecimal initialCash, BigDecimal equity, BigDecimal returnFraction, Pnl pnl, long bars,
                        long fills, long rejections, Drawdown drawdown) {
}
