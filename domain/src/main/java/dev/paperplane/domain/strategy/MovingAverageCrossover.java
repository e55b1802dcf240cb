package dev.paperplane.domain.strategy;

import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code ma-crossover} v1: BUY when the fast simple moving average crosses above the slow one on this bar,
 * SELL when it crosses below, HOLD otherwise. Averages are compared at the canonical scale, exactly as recorded.
 */
public final class MovingAverageCrossover implements Strategy {
    /** The kind name used in configurations. */
    public static final String KIND = "ma-crossover";
    /** The only version of the logic. */
    public static final int VERSION = 1;

    private final StrategySpec spec;
    private final int fast;
    private final int slow;
    private final BigDecimal quantity;

    MovingAverageCrossover(StrategySpec spec, int fast, int slow, BigDecimal quantity) {
        this.spec = Objects.requireNonNull(spec, "spec");
        if (fast < 1 || fast >= slow) {
            throw new IllegalArgumentException("ma-crossover needs 1 <= fast < slow, was fast=" + fast + " slow=" + slow);
        }
        this.fast = fast;
        this.slow = slow;
        this.quantity = Decimals.of(quantity);
    }

    @Override
    public StrategySpec spec() {
        return spec;
    }

    @Override
    public int memorySize() {
        return slow + 1;
    }

    @Override
    public Signal decide(CloseRing closes, Bar bar) {
        int n = closes.size();
        if (n < slow + 1) {
            return Signal.hold(() -> "warming up: " + n + " of " + (slow + 1) + " closes", TreeMap::new);
        }
        BigDecimal fastNow = closes.mean(n - fast, n);
        BigDecimal slowNow = closes.mean(n - slow, n);
        BigDecimal fastBefore = closes.mean(n - 1 - fast, n - 1);
        BigDecimal slowBefore = closes.mean(n - 1 - slow, n - 1);
        BigDecimal close = bar.close();
        boolean above = fastNow.compareTo(slowNow) > 0;
        boolean wasAbove = fastBefore.compareTo(slowBefore) > 0;
        boolean below = fastNow.compareTo(slowNow) < 0;
        boolean wasBelow = fastBefore.compareTo(slowBefore) < 0;
        if (above && !wasAbove) {
            return new Signal(Action.BUY, quantity, "fast MA crossed above slow MA: "
                    + comparison(fastNow, slowNow, fastBefore, slowBefore),
                    indicators(close, fastNow, slowNow, fastBefore, slowBefore));
        }
        if (below && !wasBelow) {
            return new Signal(Action.SELL, quantity, "fast MA crossed below slow MA: "
                    + comparison(fastNow, slowNow, fastBefore, slowBefore),
                    indicators(close, fastNow, slowNow, fastBefore, slowBefore));
        }
        return Signal.hold(() -> "no crossover: " + comparison(fastNow, slowNow, fastBefore, slowBefore),
                () -> indicators(close, fastNow, slowNow, fastBefore, slowBefore));
    }

    private String comparison(BigDecimal fastNow, BigDecimal slowNow, BigDecimal fastBefore, BigDecimal slowBefore) {
        return "fast MA(" + fast + ") " + Decimals.format(fastNow) + " vs slow MA(" + slow + ") "
                + Decimals.format(slowNow) + "; previous bar " + Decimals.format(fastBefore) + " vs "
                + Decimals.format(slowBefore);
    }

    private static SortedMap<String, BigDecimal> indicators(BigDecimal close, BigDecimal fastNow, BigDecimal slowNow,
                                                            BigDecimal fastBefore, BigDecimal slowBefore) {
        SortedMap<String, BigDecimal> indicators = new TreeMap<>();
        indicators.put("close", close);
        indicators.put("fastMa", fastNow);
        indicators.put("slowMa", slowNow);
        indicators.put("previousFastMa", fastBefore);
        indicators.put("previousSlowMa", slowBefore);
        return indicators;
    }

    @Override
    public String toString() {
        return KIND + " v" + VERSION + " '" + spec.id() + "' fast=" + fast + " slow=" + slow
                + " quantity=" + Decimals.format(quantity);
    }
}
