package dev.paperplane.application.analytics;

import java.util.List;
import java.util.SortedMap;

/**
 * Everything {@code /performance} shows, folded up to and including {@code seq}.
 *
 * @param risk       Sharpe, Sortino and Calmar of the returns of one interval
 * @param strategies by strategy id: every configured strategy, and any that filled
 * @param instruments by instrument: every instrument with a bar or a fill
 */
public record PerformanceReport(long seq, Portfolio portfolio, RiskFigures risk, List<SessionFigures> sessions,
                                SortedMap<String, Attribution> strategies, SortedMap<String, Attribution> instruments) {
    public PerformanceReport {
        sessions = List.copyOf(sessions);
    }
}
