package dev.paperplane.application.analytics;

import java.math.BigDecimal;

/**
 * Profit and loss of a portfolio, a strategy or an instrument.
 *
 * @param realized   the ledger rule's realized amounts of the closing fills, before fees
 * @param unrealized total − realized + fees: what the open quantity is worth at the marks beyond its cost
 * @param fees       fees of the fills
 * @param total      Σ sell notionals − Σ buy notionals − fees + the open quantity's value at the marks
 * @param turnover   Σ notionals of the fills
 */
public record Pnl(BigDecimal realized, BigDecimal unrealized, BigDecimal fees, BigDecimal total,
                  BigDecimal turnover) {
}
