package dev.paperplane.domain.decision;

/** What a strategy decided for one bar. HOLD is never recorded as an event. */
public enum Action {
    BUY, SELL, HOLD
}
