package dev.paperplane.domain.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A session reached the end of its feed. Counts cover the session since its {@link SessionStarted}.
 *
 * @param time   time of the session's last bar
 * @param equity ledger equity at the last marks
 */
public record SessionCompleted(Instant time, long bars, long decisions, long fills, long rejections,
                               BigDecimal equity) implements AuditEvent {
    public SessionCompleted {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(equity, "equity");
    }
}
