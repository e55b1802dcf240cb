package dev.paperplane.domain.execution;

import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.util.Objects;

/** How the PAPER plane prices a fill: the bar's close moved against the order by the slippage, plus a fee. */
public final class PaperExecution {
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private PaperExecution() {
    }

    /**
     * The fill price of an order at a bar's close: {@code close × (1 + slippage)} for a BUY,
     * {@code close × (1 − slippage)} for a SELL, at the canonical scale.
     */
    public static BigDecimal fillPrice(Action side, BigDecimal close, FeeModel fees) {
        Objects.requireNonNull(close, "close");
        int bps = switch (Objects.requireNonNull(side, "side")) {
            case BUY -> 10_000 + fees.slippageBps();
            case SELL -> 10_000 - fees.slippageBps();
            case HOLD -> throw new IllegalArgumentException("a HOLD is not an order and has no fill price");
        };
        return close.multiply(BigDecimal.valueOf(bps)).divide(TEN_THOUSAND, Decimals.SCALE, Decimals.ROUNDING);
    }

    /** The value of a fill: {@code quantity × price} at the canonical scale. */
    public static BigDecimal notional(BigDecimal quantity, BigDecimal price) {
        return Decimals.multiply(quantity, price);
    }

    /** The fee charged on a fill's notional: {@code notional × feeBps / 10 000} at the canonical scale. */
    public static BigDecimal fee(BigDecimal notional, FeeModel fees) {
        return Decimals.basisPoints(notional, fees.feeBps());
    }
}
