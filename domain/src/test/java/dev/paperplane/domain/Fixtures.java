package dev.paperplane.domain;

import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.execution.ExecutionPlane;
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.risk.RiskLimits;
import dev.paperplane.domain.session.FeedIdentity;
import dev.paperplane.domain.session.RuntimeConfig;
import dev.paperplane.domain.strategy.StrategySpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Hand-built test data: bars, specs, configurations, fills and a generated deterministic bar series. */
public final class Fixtures {
    /** Time of the first bar of every series. */
    public static final Instant T0 = Instant.parse("2025-01-02T09:00:00Z");

    private Fixtures() {
    }

    public static BigDecimal d(String text) {
        return Decimals.parse(text);
    }

    public static Instant minute(int n) {
        return T0.plusSeconds(60L * n);
    }

    /** A flat bar (open = high = low = close) at minute {@code n}. */
    public static Bar bar(String instrument, int n, String close) {
        BigDecimal c = d(close);
        return new Bar(minute(n), instrument, c, c, c, c, d("1"));
    }

    public static StrategySpec spec(String id, String kind, int version, String... keyValues) {
        TreeMap<String, String> params = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return new StrategySpec(id, kind, version, params);
    }

    public static StrategySpec maCrossover(String id, int fast, int slow, String quantity) {
        return spec(id, "ma-crossover", 1, "fast", Integer.toString(fast), "slow", Integer.toString(slow),
                "quantity", quantity);
    }

    public static StrategySpec meanReversion(String id, int window, String k, String quantity) {
        return spec(id, "mean-reversion", 1, "window", Integer.toString(window), "k", k, "quantity", quantity);
    }

    public static RuntimeConfig config(String cash, FeeModel fees, RiskLimits risk, StrategySpec... strategies) {
        return new RuntimeConfig("test", ExecutionPlane.PAPER, d(cash), fees, risk, List.of(strategies));
    }

    public static RiskLimits limits(String maxPosition, String maxOrderNotional, String maxShort) {
        return new RiskLimits(d(maxPosition), d(maxOrderNotional), d(maxShort));
    }

    public static RiskLimits generousLimits() {
        return limits("1000000", "100000000", "1000000");
    }

    /** The configuration of the property tests: two strategies whose limits cause both fills and rejections. */
    public static RuntimeConfig propertyConfig() {
        return config("100000", new FeeModel(5, 10), limits("40", "20000", "10"),
                maCrossover("cross", 3, 8, "10"), meanReversion("band", 10, "1.5", "5"));
    }

    public static SessionStarted started(RuntimeConfig config, Instant time) {
        return new SessionStarted(time, "f".repeat(64), config, new FeedIdentity("bars.csv", "0".repeat(64)));
    }

    /** A fill with notional = quantity × price and the given fee. */
    public static PaperOrderFilled fill(String instrument, Action side, String quantity, String price, String fee) {
        BigDecimal q = d(quantity);
        BigDecimal p = d(price);
        return new PaperOrderFilled(T0, "s", instrument, side, q, p, Decimals.multiply(q, p), d(fee));
    }

    /**
     * {@code count} minutes of bars for three instruments, interleaved by minute. Closes follow triangular waves
     * of different periods plus a small integer wobble, so that averages cross and prices leave their bands.
     */
    public static List<Bar> generatedSeries(int count) {
        String[] instruments = {"AAA", "BBB.X", "CCC-1"};
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < instruments.length; j++) {
                int period = 14 + 6 * j;
                int phase = (i + 5 * j) % period;
                int triangle = phase < period / 2 ? phase : period - phase;
                int wobble = (i * 37 + j * 11) % 7 - 3;
                long cents = 10_000L + 2_500L * j + 173L * triangle + 41L * wobble;
                BigDecimal close = BigDecimal.valueOf(cents, 2);
                BigDecimal high = close.add(BigDecimal.valueOf(25 + j, 2));
                BigDecimal low = close.subtract(BigDecimal.valueOf(30 + j, 2));
                bars.add(new Bar(minute(i), instruments[j], low, high, low, close, BigDecimal.valueOf(1_000 + i)));
            }
        }
        return List.copyOf(bars);
    }
}
