package dev.paperplane.application.analytics;

import dev.paperplane.application.audit.ConfigFingerprint;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.execution.ExecutionPlane;
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.risk.RiskLimits;
import dev.paperplane.domain.risk.RiskRule;
import dev.paperplane.domain.session.FeedIdentity;
import dev.paperplane.domain.session.RuntimeConfig;
import dev.paperplane.domain.strategy.StrategySpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/** Small builders of the events the analytics fold reads. */
final class Events {
    static final Instant T0 = Instant.parse("2024-01-02T09:30:00Z");

    private Events() {
    }

    static BigDecimal d(String text) {
        return Decimals.parse(text);
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static SessionStarted session(String cash, List<String> strategies) {
        RuntimeConfig config = new RuntimeConfig("test", ExecutionPlane.PAPER, d(cash), new FeeModel(5, 10),
                new RiskLimits(d("1000"), d("100000"), d("1000")),
                strategies.stream().map(id -> new StrategySpec(id, "ma-crossover", 1, new TreeMap<>(
                        java.util.Map.of("fast", "2", "slow", "3")))).toList());
        return new SessionStarted(T0, ConfigFingerprint.of(config), config, new FeedIdentity("bars.csv", "ab".repeat(32)));
    }

    static MarketBarObserved bar(long seconds, String instrument, String close) {
        BigDecimal c = d(close);
        return new MarketBarObserved(new Bar(at(seconds), instrument, c, c, c, c, d("1")));
    }

    static PaperOrderFilled fill(long seconds, String strategy, String instrument, Action side, String quantity,
                                 String price, String notional, String fee) {
        return new PaperOrderFilled(at(seconds), strategy, instrument, side, d(quantity), d(price), d(notional),
                d(fee));
    }

    static OrderRejected rejected(long seconds, String strategy, String instrument) {
        return new OrderRejected(at(seconds), strategy, instrument, Action.BUY, d("1"), d("1"),
                RiskRule.values()[0], d("1"), d("2"));
    }
}
