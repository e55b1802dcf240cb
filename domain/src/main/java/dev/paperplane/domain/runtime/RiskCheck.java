package dev.paperplane.domain.runtime;

import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.ledger.Position;
import dev.paperplane.domain.ledger.ShadowLedger;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.risk.Breach;
import dev.paperplane.domain.risk.RiskLimits;
import dev.paperplane.domain.risk.RiskRule;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Pre-trade risk check. Rules are checked in a fixed order and the first breach wins; a figure exactly at its
 * limit is allowed.
 */
public final class RiskCheck {
    private RiskCheck() {
    }

    /**
     * Checks an order against the limits and the ledger as it stands before the order.
     *
     * @return the first breached rule in the order MAX_ORDER_NOTIONAL, MAX_POSITION, MAX_SHORT, INSUFFICIENT_CASH,
     *         or empty when the order may be filled
     */
    public static Optional<Breach> check(RiskLimits limits, ShadowLedger ledger, String instrument, Action side,
                                         BigDecimal quantity, BigDecimal fillPrice, BigDecimal fee) {
        if (side == Action.HOLD) {
            throw new IllegalArgumentException("a HOLD is not an order and is not risk-checked");
        }
        BigDecimal notional = Decimals.multiply(quantity, fillPrice);
        if (notional.compareTo(limits.maxOrderNotional()) > 0) {
            return Optional.of(new Breach(RiskRule.MAX_ORDER_NOTIONAL, limits.maxOrderNotional(), notional));
        }
        BigDecimal before = ledger.positions().getOrDefault(instrument, Position.FLAT).quantity();
        BigDecimal after = side == Action.BUY ? before.add(quantity) : before.subtract(quantity);
        if (after.abs().compareTo(limits.maxPosition()) > 0) {
            return Optional.of(new Breach(RiskRule.MAX_POSITION, limits.maxPosition(), after.abs()));
        }
        if (after.compareTo(limits.maxShort().negate()) < 0) {
            return Optional.of(new Breach(RiskRule.MAX_SHORT, limits.maxShort(), after.negate()));
        }
        if (side == Action.BUY) {
            BigDecimal needed = notional.add(fee);
            if (needed.compareTo(ledger.cash()) > 0) {
                return Optional.of(new Breach(RiskRule.INSUFFICIENT_CASH, ledger.cash(), needed));
            }
        }
        return Optional.empty();
    }
}
