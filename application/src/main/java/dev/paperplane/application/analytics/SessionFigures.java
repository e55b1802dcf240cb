package dev.paperplane.application.analytics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One session's figures, from its SessionStarted to its SessionCompleted (or the next session's start, or the
 * last event folded).
 *
 * @param startEquity the equity when the session started
 * @param pnl         endEquity − startEquity
 */
public record SessionFigures(long startSeq, Instant startTime, long endSeq, Instant endTime, boolean completed,
                             BigDecimal startEquity, BigDecimal endEquity, BigDecimal pnl, BigDecimal fees,
                             BigDecimal turnover, long bars, long fills, long rejections, Drawdown drawdown) {
}
