package dev.paperplane.application.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed round trip of a strategy's book in one instrument: from the fill that took the book off zero to the
 * fill that brought it back to (or through) zero.
 *
 * @param side           {@code LONG} or {@code SHORT}
 * @param quantity       the quantity opened (and closed) in the trip
 * @param entryPrice     Σ opened quantity × price / quantity, at scale 8
 * @param exitPrice      Σ closed quantity × price / quantity, at scale 8
 * @param grossPnl       the sum of the ledger rule's realized amounts of the closing fills
 * @param fees           the fees of the trip's fills, a crossing fill's split in proportion to quantity
 * @param netPnl         grossPnl − fees
 * @param holdingSeconds whole seconds from openTime to closeTime
 */
public record RoundTrip(String strategy, String instrument, String side, BigDecimal quantity, long openSeq,
                        Instant openTime, long closeSeq, Instant closeTime, BigDecimal entryPrice,
                        BigDecimal exitPrice, BigDecimal grossPnl, BigDecimal fees, BigDecimal netPnl,
                        long holdingSeconds) {
    public RoundTrip {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
    }
}
