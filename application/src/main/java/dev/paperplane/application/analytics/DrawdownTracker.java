package dev.paperplane.application.analytics;

import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.time.Instant;

/** Folds a sequence of equity points into their {@link Drawdown}. Not thread-safe. */
final class DrawdownTracker {
    private BigDecimal peak;
    private long peakSeq;
    private Instant peakTime;
    private BigDecimal maxAmount = Decimals.ZERO;
    private BigDecimal floor;
    private BigDecimal maxPeak;
    private long maxPeakSeq;
    private Instant maxPeakTime;
    private long troughSeq;
    private Instant troughTime;
    private long recoverySeq = -1;
    private Instant recoveryTime;

    /** A copy that goes on independently. */
    DrawdownTracker copy() {
        DrawdownTracker copy = new DrawdownTracker();
        copy.peak = peak;
        copy.peakSeq = peakSeq;
        copy.peakTime = peakTime;
        copy.maxAmount = maxAmount;
        copy.floor = floor;
        copy.maxPeak = maxPeak;
        copy.maxPeakSeq = maxPeakSeq;
        copy.maxPeakTime = maxPeakTime;
        copy.troughSeq = troughSeq;
        copy.troughTime = troughTime;
        copy.recoverySeq = recoverySeq;
        copy.recoveryTime = recoveryTime;
        return copy;
    }

    void observe(long seq, Instant time, BigDecimal equity) {
        if (peak == null || equity.compareTo(peak) > 0) {
            peak = equity;
            peakSeq = seq;
            peakTime = time;
            floor = peak.subtract(maxAmount);
        }
        // peak − equity > maxAmount ⇔ equity < floor: no subtraction for the points that set no new maximum
        if (equity.compareTo(floor) < 0) {
            maxAmount = peak.subtract(equity);
            floor = equity;
            maxPeak = peak;
            maxPeakSeq = peakSeq;
            maxPeakTime = peakTime;
            troughSeq = seq;
            troughTime = time;
            recoverySeq = -1;
            recoveryTime = null;
        } else if (maxPeak != null && recoverySeq < 0 && seq > troughSeq && equity.compareTo(maxPeak) >= 0) {
            recoverySeq = seq;
            recoveryTime = time;
        }
    }

    /** The running peak, null before any point. */
    BigDecimal peak() {
        return peak;
    }

    Drawdown drawdown() {
        if (maxPeak == null) {
            return new Drawdown(Decimals.ZERO, peak == null || peak.signum() <= 0 ? null : Decimals.ZERO, peak,
                    null, null, null, null, null, null);
        }
        return new Drawdown(maxAmount, maxPeak.signum() > 0 ? Decimals.divide(maxAmount, maxPeak) : null, maxPeak,
                maxPeakSeq, maxPeakTime, troughSeq, troughTime, recoverySeq < 0 ? null : recoverySeq, recoveryTime);
    }
}
