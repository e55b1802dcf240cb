package dev.paperplane.application.contract;

import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ConfigFingerprint;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionCompleted;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Fixed, valid audit events of every type, and sealed chains of them, for codec and store tests. */
public final class SampleEvents {
    /** The time of the first sample bar. */
    public static final Instant T0 = Instant.parse("2024-01-02T09:30:00Z");

    private SampleEvents() {
    }

    /** A decimal at the canonical scale. */
    public static BigDecimal d(String text) {
        return Decimals.parse(text);
    }

    /** A configuration with two strategies, one with parameters. */
    public static RuntimeConfig config() {
        TreeMap<String, String> params = new TreeMap<>();
        params.put("slow", "20");
        params.put("fast", "5");
        return new RuntimeConfig("demo", ExecutionPlane.PAPER, d("10000"), new FeeModel(5, 10),
                new RiskLimits(d("100"), d("50000"), d("0")),
                List.of(new StrategySpec("ma-fast", "ma-crossover", 1, params),
                        new StrategySpec("breakout", "breakout", 2, new TreeMap<>())));
    }

    /** A session start under {@link #config()}. */
    public static SessionStarted sessionStarted() {
        return new SessionStarted(T0, ConfigFingerprint.of(config()), config(),
                new FeedIdentity("bars.csv", "ab".repeat(32)));
    }

    /** The first sample bar. */
    public static MarketBarObserved bar() {
        return bar(0);
    }

    /** The {@code i}-th bar of a synthetic minute series. */
    public static MarketBarObserved bar(int i) {
        BigDecimal base = d("100").add(BigDecimal.valueOf(i % 50, 2));
        return new MarketBarObserved(new Bar(T0.plusSeconds(60L * i), "ACME", base, base.add(d("1.5")),
                base.subtract(d("0.75")), base.add(d("0.75")), d("1200")));
    }

    /** A BUY decision with two indicators. */
    public static DecisionRecorded decision() {
        TreeMap<String, BigDecimal> indicators = new TreeMap<>();
        indicators.put("slowMa", d("99.75"));
        indicators.put("fastMa", d("100.5"));
        return new DecisionRecorded(T0, "ma-fast", 1, "ACME", Action.BUY, d("10"),
                "fast MA crossed above slow MA", indicators);
    }

    /** A BUY rejected for exceeding the maximum position. */
    public static OrderRejected rejection() {
        return new OrderRejected(T0, "ma-fast", "ACME", Action.BUY, d("1000"), d("100.75"), RiskRule.MAX_POSITION,
                d("100"), d("1000"));
    }

    /** A SELL filled with slippage and a fee. */
    public static PaperOrderFilled fill() {
        return new PaperOrderFilled(T0, "ma-fast", "ACME", Action.SELL, d("10"), d("100.699625"),
                d("1006.99625"), d("1.00699625"));
    }

    /** The end of a session. */
    public static SessionCompleted completed() {
        return new SessionCompleted(T0.plusSeconds(3600), 390, 12, 10, 2, d("10012.3456789"));
    }

    /** One event of every type, in a plausible order. */
    public static List<AuditEvent> oneOfEach() {
        return List.of(sessionStarted(), bar(), decision(), rejection(), fill(), completed());
    }

    /** {@code count} events: a session start followed by bars. */
    public static List<AuditEvent> events(int count) {
        List<AuditEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(i == 0 ? sessionStarted() : bar(i));
        }
        return events;
    }

    /**
     * {@code count} events as {@link #events} gives them, but the session starts under a configuration that folds
     * (one strategy with all its parameters), so a replay applies every one of them.
     */
    public static List<AuditEvent> foldingSession(int count) {
        List<AuditEvent> events = new ArrayList<>(events(count));
        RuntimeConfig sample = config();
        RuntimeConfig config = new RuntimeConfig(sample.environment(), sample.plane(), sample.initialCash(),
                sample.fees(), sample.risk(), List.of(new StrategySpec("ma", "ma-crossover", 1,
                        new TreeMap<>(Map.of("fast", "5", "slow", "20", "quantity", "1")))));
        events.set(0, new SessionStarted(T0, ConfigFingerprint.of(config), config,
                new FeedIdentity("bars.csv", "ab".repeat(32))));
        return events;
    }

    /** The events sealed as a chain following {@code head}. */
    public static List<EncodedRecord> seal(ChainHead head, List<? extends AuditEvent> events) {
        List<EncodedRecord> records = new ArrayList<>(events.size());
        ChainHead at = head;
        for (AuditEvent event : events) {
            EncodedRecord record = AuditCodec.seal(at, event);
            records.add(record);
            at = new ChainHead(record.seq(), record.hash());
        }
        return records;
    }

    /** The head after the last of {@code records}. */
    public static ChainHead headOf(List<EncodedRecord> records) {
        EncodedRecord last = records.getLast();
        return new ChainHead(last.seq(), last.hash());
    }
}
