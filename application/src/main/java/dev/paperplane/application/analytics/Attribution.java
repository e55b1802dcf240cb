package dev.paperplane.application.analytics;

/**
 * The figures attributed to one strategy (over all instruments) or one instrument (over all strategies).
 *
 * @param bars the bars observed: of the instrument, or (for a strategy, which sees every bar) of all instruments
 */
public record Attribution(Pnl pnl, long bars, long fills, long rejections, TripStats trips) {
}
