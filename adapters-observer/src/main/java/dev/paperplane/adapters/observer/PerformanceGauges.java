package dev.paperplane.adapters.observer;

import dev.paperplane.application.analytics.Attribution;
import dev.paperplane.application.analytics.PerformanceCache;
import io.helidon.metrics.api.Tag;
import io.helidon.webserver.http.Filter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The performance figures as Prometheus gauges, read from the analytics fold when scraped: the portfolio's
 * equity and maximum drawdown, and the total PnL of each strategy (label {@code strategy}). A strategy's gauge is
 * added at the first scrape that knows it, so their number is bounded by the configured strategies.
 */
final class PerformanceGauges {
    static final String EQUITY = "paperplane.performance.equity";
    static final String MAX_DRAWDOWN = "paperplane.performance.max.drawdown";
    static final String STRATEGY_PNL = "paperplane.performance.strategy.total.pnl";

    private final ObserverMetrics metrics;
    private final PerformanceCache performance;
    private final Set<String> strategies = ConcurrentHashMap.newKeySet();

    PerformanceGauges(ObserverMetrics metrics, PerformanceCache performance) {
        this.metrics = metrics;
        this.performance = performance;
        metrics.gauge(EQUITY, "the portfolio's equity at the log's head (as /ledger)", List.of(), performance,
                p -> p.atHead().report().portfolio().equity().doubleValue());
        metrics.gauge(MAX_DRAWDOWN, "the portfolio's maximum drawdown from its running peak, as an amount",
                List.of(), performance, p -> p.atHead().report().portfolio().drawdown().amount().doubleValue());
    }

    /** Before a scrape, adds the gauges of strategies the fold has come to know. */
    Filter filter() {
        return (chain, req, res) -> {
            if (req.path().path().equals(ObserverMetrics.ENDPOINT)) {
                try {
                    performance.atHead().report().strategies().keySet().forEach(this::strategy);
                } catch (RuntimeException e) {
                    // the log cannot be read now: the gauges read NaN, the scrape still answers
                }
            }
            chain.proceed();
        };
    }

    private void strategy(String id) {
        if (strategies.add(id)) {
            metrics.gauge(STRATEGY_PNL, "a strategy's total PnL after fees (realized + unrealized at the marks)",
                    List.of(Tag.create("strategy", id)), performance, p -> {
                        Attribution a = p.atHead().report().strategies().get(id);
                        return a == null ? Double.NaN : a.pnl().total().doubleValue();
                    });
        }
    }
}
