package dev.paperplane.domain.strategy;

import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Creates built-in strategies from their configuration, refusing anything it does not know exactly. */
public final class Strategies {
    /** Upper bound of any window length, so that a typo cannot make the runtime hoard memory. */
    public static final int MAX_WINDOW = 10_000;

    private static final Pattern INTEGER = Pattern.compile("[0-9]{1,9}");
    private static final String KNOWN = MovingAverageCrossover.KIND + " (version " + MovingAverageCrossover.VERSION
            + "), " + MeanReversionBand.KIND + " (version " + MeanReversionBand.VERSION + ")";

    private Strategies() {
    }

    /**
     * The strategy a spec describes.
     *
     * @throws IllegalArgumentException for an unknown kind or version, or a missing, extra or malformed parameter;
     *                                  the message names the strategy id, the parameter and what is allowed
     */
    public static Strategy create(StrategySpec spec) {
        return switch (spec.kind()) {
            case MovingAverageCrossover.KIND -> {
                requireVersion(spec, MovingAverageCrossover.VERSION);
                requireParameters(spec, List.of("fast", "quantity", "slow"));
                int fast = integer(spec, "fast", 1, MAX_WINDOW - 1);
                int slow = integer(spec, "slow", 2, MAX_WINDOW);
                if (fast >= slow) {
                    throw new IllegalArgumentException(where(spec) + "parameter 'fast' (" + fast
                            + ") must be smaller than parameter 'slow' (" + slow + ")");
                }
                yield new MovingAverageCrossover(spec, fast, slow, positiveDecimal(spec, "quantity"));
            }
            case MeanReversionBand.KIND -> {
                requireVersion(spec, MeanReversionBand.VERSION);
                requireParameters(spec, List.of("k", "quantity", "window"));
                int window = integer(spec, "window", 2, MAX_WINDOW);
                yield new MeanReversionBand(spec, window, positiveDecimal(spec, "k"), positiveDecimal(spec, "quantity"));
            }
            default -> throw new IllegalArgumentException("strategy '" + spec.id() + "': unknown kind '" + spec.kind()
                    + "'; known kinds: " + KNOWN);
        };
    }

    private static void requireVersion(StrategySpec spec, int known) {
        if (spec.version() != known) {
            throw new IllegalArgumentException("strategy '" + spec.id() + "': kind '" + spec.kind()
                    + "' has no version " + spec.version() + "; known versions: " + known);
        }
    }

    private static void requireParameters(StrategySpec spec, List<String> allowed) {
        String expected = String.join(", ", allowed);
        for (String name : allowed) {
            if (!spec.params().containsKey(name)) {
                throw new IllegalArgumentException(where(spec) + "parameter '" + name + "' is missing; "
                        + "expected parameters: " + expected);
            }
        }
        TreeSet<String> extra = new TreeSet<>(spec.params().keySet());
        allowed.forEach(extra::remove);
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException(where(spec) + "parameter '" + extra.first() + "' is not known; "
                    + "allowed parameters: " + expected);
        }
    }

    private static int integer(StrategySpec spec, String name, int min, int max) {
        String text = spec.params().get(name).trim();
        if (!INTEGER.matcher(text).matches()) {
            throw new IllegalArgumentException(where(spec) + "parameter '" + name + "' must be a whole number from "
                    + min + " to " + max + ", was '" + spec.params().get(name) + "'");
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw new IllegalArgumentException(where(spec) + "parameter '" + name + "' must be from " + min
                    + " to " + max + ", was " + value);
        }
        return value;
    }

    private static BigDecimal positiveDecimal(StrategySpec spec, String name) {
        String text = spec.params().get(name).trim();
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where(spec) + "parameter '" + name
                    + "' must be a positive decimal such as 1.5, was '" + spec.params().get(name) + "'", e);
        }
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0 || value.signum() <= 0
                || Decimals.of(value).compareTo(value) != 0) {
            throw new IllegalArgumentException(where(spec) + "parameter '" + name
                    + "' must be a positive plain decimal with at most " + Decimals.SCALE
                    + " fraction digits, was '" + spec.params().get(name) + "'");
        }
        return Decimals.of(value);
    }

    private static String where(StrategySpec spec) {
        return "strategy '" + spec.id() + "' (" + spec.kind() + " v" + spec.version() + "): ";
    }
}
