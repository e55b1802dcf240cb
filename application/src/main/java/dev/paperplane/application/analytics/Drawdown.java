package dev.paperplane.application.analytics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The largest fall of equity from its running peak.
 *
 * @param amount       peak − trough, 0 when equity never fell
 * @param fraction     amount / peak at scale 8; null when the peak is not positive
 * @param peakSeq      the seq at which the peak was reached (the first such seq)
 * @param troughSeq    the seq of the lowest point after it (the first such seq)
 * @param recoverySeq  the first seq after the trough at which equity was back at or above the peak; null if never
 */
public record Drawdown(BigDecimal amount, BigDecimal fraction, BigDecimal peak, Long peakSeq, Instant peakTime,
                       Long troughSeq, Instant troughTime, Long recoverySeq, Instant recoveryTime) {
}
