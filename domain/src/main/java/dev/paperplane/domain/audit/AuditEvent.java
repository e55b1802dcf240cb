package dev.paperplane.domain.audit;

import java.time.Instant;

/**
 * A fact the runtime recorded. Every piece of state (ledger, DecisionMemory, strategy memory) is a left
 * fold of these events, in sequence order.
 */
public sealed interface AuditEvent
        permits SessionStarted, MarketBarObserved, DecisionRecorded, OrderRejected, PaperOrderFilled, SessionCompleted {

    /** The event's time, always taken from market data, never from a clock. */
    Instant time();

    /** The stable type name written to the audit log, e.g. {@code PaperOrderFilled}. */
    default String type() {
        return getClass().getSimpleName();
    }
}
