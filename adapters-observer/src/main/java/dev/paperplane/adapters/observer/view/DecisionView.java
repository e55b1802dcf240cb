package dev.paperplane.adapters.observer.view;

import java.util.SortedMap;

/** A recorded decision and the record it came from. */
public record DecisionView(long seq, String time, String strategyId, int strategyVersion, String instrument,
                           String action, String quantity, String reason, SortedMap<String, String> indicators) {
}
