package dev.paperplane.adapters.observer;

import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.paperplane.application.audit.ConfigFingerprint;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.execution.ExecutionPlane;
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.risk.RiskLimits;
import dev.paperplane.domain.session.FeedIdentity;
import dev.paperplane.domain.session.RuntimeConfig;
import dev.paperplane.domain.strategy.StrategySpec;
import java.util.TreeMap;

/** Sample logs for the observer's tests: a session of bars with decisions and fills. */
final class Logs {
    private Logs() {
    }

    /** A configuration the domain replays: a moving-average crossover and a mean-reversion band. */
    static RuntimeConfig config() {
        TreeMap<String, String> ma = new TreeMap<>(Map.of("fast", "2", "slow", "5", "quantity", "2"));
        TreeMap<String, String> band = new TreeMap<>(Map.of("window", "5", "k", "2", "quantity", "2"));
        return new RuntimeConfig("demo", ExecutionPlane.PAPER, SampleEvents.d("10000"), new FeeModel(5, 10),
                new RiskLimits(SampleEvents.d("100"), SampleEvents.d("50000"), SampleEvents.d("100")),
                List.of(new StrategySpec("ma-fast", "ma-crossover", 1, ma),
                        new StrategySpec("breakout", "mean-reversion", 1, band)));
    }

    /** A session start under {@link #config()}. */
    static SessionStarted sessionStarted() {
        return new SessionStarted(SampleEvents.T0, ConfigFingerprint.of(config()), config(),
                new FeedIdentity("bars.csv", "ab".repeat(32)));
    }

    /** A session start, then {@code bars} bars; every fifth bar a BUY decision and its fill, every seventh a SELL. */
    static InMemoryStore session(int bars) {
        InMemoryStore store = new InMemoryStore();
        store.append(sessionStarted());
        for (int i = 1; i <= bars; i++) {
            store.append(batch(i));
        }
        return store;
    }

    /** The events of bar {@code i}. */
    static List<AuditEvent> batch(int i) {
        List<AuditEvent> events = new ArrayList<>();
        var bar = SampleEvents.bar(i);
        events.add(bar);
        Action action = i % 5 == 0 ? Action.BUY : i % 7 == 0 ? Action.SELL : null;
        if (action != null) {
            String strategy = action == Action.BUY ? "ma-fast" : "breakout";
            BigDecimal qty = SampleEvents.d("2");
            BigDecimal price = bar.bar().close();
            BigDecimal notional = SampleEvents.d(qty.multiply(price).toPlainString());
            events.add(new DecisionRecorded(bar.time(), strategy, 1, "ACME", action, qty, "rule " + i,
                    new TreeMap<>()));
            events.add(new PaperOrderFilled(bar.time(), strategy, "ACME", action, qty, price, notional,
                    SampleEvents.d("0.1")));
        }
        return events;
    }

    /** Bar {@code i} and a fill of ma-fast on it at its close, with a fee of 0.1. */
    static List<AuditEvent> fillAt(int i, Action side, String quantity) {
        var bar = SampleEvents.bar(i);
        BigDecimal price = bar.bar().close();
        BigDecimal qty = SampleEvents.d(quantity);
        return List.of(bar, new PaperOrderFilled(bar.time(), "ma-fast", "ACME", side, qty, price,
                Decimals.multiply(qty, price), SampleEvents.d("0.1")));
    }
}
