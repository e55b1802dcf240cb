package dev.paperplane.application.analytics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The equity at the end of one UTC interval: after the last event in it that moved equity.
 *
 * @param time     the interval's end (exclusive), a multiple of the interval since 1970-01-01T00:00:00Z
 * @param seq      the last event in the interval that moved equity (a session start, a bar or a fill)
 * @param peak     the running peak of the full-resolution curve up to seq
 * @param drawdown peak − equity
 */
public record EquityPoint(Instant time, long seq, BigDecimal equity, BigDecimal peak, BigDecimal drawdown) {
}
