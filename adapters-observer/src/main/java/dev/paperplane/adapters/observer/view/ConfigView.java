package dev.paperplane.adapters.observer.view;

import java.util.List;

/** A recorded runtime configuration. */
public record ConfigView(String environment, String plane, String initialCash, FeesView fees, RiskView risk,
                         List<StrategyView> strategies) {
}
