package dev.paperplane.application.session;

import java.math.BigDecimal;

/**
 * What one {@code run} did.
 *
 * @param barsRead      bars read from the feed
 * @param barsSkipped   bars the log already held (exactly-once under restart)
 * @param eventsAppended events this run appended
 * @param fills         fills this run appended
 * @param rejections    rejected orders this run appended
 * @param headSeq       the log's last seq after the run
 * @param equity        ledger equity after the run
 */
public record SessionSummary(long barsRead, long barsSkipped, long eventsAppended, long fills, long rejections,
                             long headSeq, BigDecimal equity) {
}
