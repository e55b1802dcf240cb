package dev.paperplane.application.analytics;

import dev.paperplane.domain.num.Decimals;
import java.time.Instant;

/** Folds a sequence of equity points into their {@link Drawdown}. Not thread-safe. */
final class DrawdownTracker {
    private Fixed peak;
    private long peakSeq;
    private Instant peakTime;
    private final Fixed maxAmount = new Fixed();
    private final Fixed floor = new Fixed();
    private Fixed maxPeak;
    private long maxPeakSeq;
    private Instant maxPeakTime;
    private long troughSeq;
    private Instant troughTime;
    private long recoverySeq = -1;
    private Instant recoveryTime;

    /** A copy that goes on independently. */
    DrawdownTracker copy() {
        DrawdownTracker copy = new DrawdownTracker();
        copy.peak = peak == null ? null : peak.copy();
        copy.peakSeq = peakSeq;
        copy.peakTime = peakTime;
        copy.maxAmount.set(maxAmount);
        copy.floor.set(floor);
        copy.maxPeak = maxPeak == null ? null : maxPeak.copy();
        copy.maxPeakSeq = maxPeakSeq;
        copy.maxPeakTime = maxPeakTime;
        copy.troughSeq = troughSeq;
        copy.troughTime = troughTime;
        copy.recoverySeq = recoverySeq;
        copy.recoveryTime = recoveryTime;
        return copy;
    }

    void observe(long seq, Instant time, Fixed equity) {
        if (peak == null || equity.compareTo(peak) > 0) {
            peak = peak == null ? equity.copy() : peak.set(equity);
            peakSeq = seq;
            peakTime = time;
            floor.setDifference(peak, maxAmount);
        }
        // peak − equity > maxAmount ⇔ equity < floor: no subtraction for the points that set no new maximum
        if (equity.compareTo(floor) < 0) {
            maxAmount.setDifference(peak, equity);
            floor.set(equity);
            maxPeak = maxPeak == null ? peak.copy() : maxPeak.set(peak);
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
    Fixed peak() {
        return peak;
    }

    Drawdown drawdown() {
        if (maxPeak == null) {
            return new Drawdown(Decimals.ZERO, peak == null || peak.signum() <= 0 ? null : Decimals.ZERO,
                    peak == null ? null : peak.decimal(), null, null, null, null, null, null);
        }
        return new Drawdown(maxAmount.decimal(), maxPeak.signum() > 0
                ? Decimals.divide(maxAmount.decimal(), maxPeak.decimal()) : null, maxPeak.decimal(),
                maxPeakSeq, maxPeakTime, troughSeq, troughTime, recoverySeq < 0 ? null : recoverySeq, recoveryTime);
    }
}
