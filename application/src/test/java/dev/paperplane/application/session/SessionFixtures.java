package dev.paperplane.application.session;

import dev.paperplane.application.feed.CsvFeed;
import dev.paperplane.application.feed.SyntheticFeed;
import dev.paperplane.domain.execution.ExecutionPlane;
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.risk.RiskLimits;
import dev.paperplane.domain.session.FeedIdentity;
import dev.paperplane.domain.session.RuntimeConfig;
import dev.paperplane.domain.strategy.StrategySpec;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** A runnable configuration and generated bars for session, replay and verification tests. */
public final class SessionFixtures {
    /** The feed identity used by every fixture session. */
    public static final FeedIdentity FEED = new FeedIdentity("synthetic.csv", "cd".repeat(32));

    private SessionFixtures() {
    }

    /** Two strategies that trade often on synthetic bars, with limits that also reject now and then. */
    public static RuntimeConfig config() {
        return config("100");
    }

    /** {@link #config()} with another short limit, for a different fingerprint. */
    public static RuntimeConfig config(String maxShort) {
        TreeMap<String, String> ma = new TreeMap<>();
        ma.put("fast", "3");
        ma.put("slow", "8");
        ma.put("quantity", "10");
        TreeMap<String, String> band = new TreeMap<>();
        band.put("window", "10");
        band.put("k", "1");
        band.put("quantity", "5");
        return new RuntimeConfig("test", ExecutionPlane.PAPER, Decimals.of(20_000), new FeeModel(5, 10),
                new RiskLimits(Decimals.of(60), Decimals.of(5_000), Decimals.parse(maxShort)),
                List.of(new StrategySpec("ma", "ma-crossover", 1, ma), new StrategySpec("band", "mean-reversion", 1, band)));
    }

    /** Seeded synthetic bars for two instruments, in feed order. */
    public static List<Bar> bars(int perInstrument) {
        StringWriter csv = new StringWriter();
        new SyntheticFeed(perInstrument, List.of("AAA", "BBB"), 11).writeTo(csv);
        CsvFeed feed = new CsvFeed(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "synthetic.csv");
        List<Bar> bars = new ArrayList<>();
        for (Optional<Bar> bar = feed.next(); bar.isPresent(); bar = feed.next()) {
            bars.add(bar.get());
        }
        return bars;
    }

    /** A bar source handing out {@code bars} one by one. */
    public static Supplier<Optional<Bar>> source(List<Bar> bars) {
        Iterator<Bar> it = bars.iterator();
        return () -> it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }
}
