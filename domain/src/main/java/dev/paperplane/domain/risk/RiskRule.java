package dev.paperplane.domain.risk;

/** The rules an order can breach; the name appears in {@code OrderRejected} events. */
public enum RiskRule {
    /** The absolute position after the fill would exceed {@code maxPosition}. */
    MAX_POSITION,
    /** The order's notional exceeds {@code maxOrderNotional}. */
    MAX_ORDER_NOTIONAL,
    /** The position after the fill would be shorter than {@code -maxShort}. */
    MAX_SHORT,
    /** A buy whose notional plus fee exceeds the cash available. */
    INSUFFICIENT_CASH
}
