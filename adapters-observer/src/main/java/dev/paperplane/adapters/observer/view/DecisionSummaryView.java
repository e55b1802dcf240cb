package dev.paperplane.adapters.observer.view;

import java.util.List;
import java.util.SortedMap;

/**
 * Counts of the replayed DecisionMemory.
 *
 * @param seq          the last seq folded into it
 * @param total        decisions recorded
 * @param byStrategy   counts per strategy id
 * @param byInstrument counts per instrument
 * @param byAction     counts per action (BUY, SELL)
 * @param tracks       what each strategy decided last per instrument, ordered by strategy then instrument
 */
public record DecisionSummaryView(long seq, long total, SortedMap<String, ActionCountsView> byStrategy,
                                  SortedMap<String, ActionCountsView> byInstrument, SortedMap<String, Long> byAction,
                                  List<TrackView> tracks) {
}
