package dev.paperplane.domain.ledger;

import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The paper account: cash, positions, realized PnL and fees, and the last close per instrument. Immutable;
 * it changes only by {@link #apply(PaperOrderFilled) fills} and {@link #mark(String, BigDecimal) marks}.
 */
public final class ShadowLedger {
    private final BigDecimal cash;
    private final SortedMap<String, Position> positions;
    private final BigDecimal realizedPnl;
    private final BigDecimal feesPaid;
    private final SortedMap<String, BigDecimal> marks;

    private ShadowLedger(BigDecimal cash, SortedMap<String, Position> positions, BigDecimal realizedPnl,
                         BigDecimal feesPaid, SortedMap<String, BigDecimal> marks) {
        this.cash = cash;
        this.positions = positions;
        this.realizedPnl = realizedPnl;
        this.feesPaid = feesPaid;
        this.marks = marks;
    }

    /** A ledger holding only {@code cash}. */
    public static ShadowLedger initial(BigDecimal cash) {
        return new ShadowLedger(Decimals.of(Objects.requireNonNull(cash, "cash")), Collections.emptySortedMap(),
                Decimals.ZERO, Decimals.ZERO, Collections.emptySortedMap());
    }

    /** Rebuilds a ledger from its parts, e.g. from a snapshot. Flat positions are dropped. */
    public static ShadowLedger restore(BigDecimal cash, SortedMap<String, Position> positions, BigDecimal realizedPnl,
                                       BigDecimal feesPaid, SortedMap<String, BigDecimal> marks) {
        TreeMap<String, Position> open = new TreeMap<>();
        positions.forEach((instrument, position) -> {
            if (!position.flat()) {
                open.put(Objects.requireNonNull(instrument, "instrument"), position);
            }
        });
        TreeMap<String, BigDecimal> scaledMarks = new TreeMap<>();
        marks.forEach((instrument, price) -> scaledMarks.put(Objects.requireNonNull(instrument, "instrument"),
                Decimals.of(price)));
        return new ShadowLedger(Decimals.of(cash), Collections.unmodifiableSortedMap(open),
                Decimals.of(realizedPnl), Decimals.of(feesPaid), Collections.unmodifiableSortedMap(scaledMarks));
    }

    /** Cash available. */
    public BigDecimal cash() {
        return cash;
    }

    /** Open positions by instrument; flat instruments are absent. */
    public SortedMap<String, Position> positions() {
        return positions;
    }

    /** Profit and loss realized by closing positions, before fees. */
    public BigDecimal realizedPnl() {
        return realizedPnl;
    }

    /** Fees charged on all fills. */
    public BigDecimal feesPaid() {
        return feesPaid;
    }

    /** The last close seen per instrument. */
    public SortedMap<String, BigDecimal> marks() {
        return marks;
    }

    /** The position held in an instrument, {@link Position#FLAT} if none. */
    public Position position(String instrument) {
        return positions.getOrDefault(instrument, Position.FLAT);
    }

    /**
     * Σ (mark − averageCost) × quantity over open positions. A position in an instrument without a mark yet is
     * valued at its average cost.
     */
    public BigDecimal unrealizedPnl() {
        BigDecimal sum = Decimals.ZERO;
        for (Map.Entry<String, Position> entry : positions.entrySet()) {
            Position position = entry.getValue();
            BigDecimal mark = marks.getOrDefault(entry.getKey(), position.averageCost());
            sum = sum.add(Decimals.multiply(mark.subtract(position.averageCost()), position.quantity()));
        }
        return sum;
    }

    /** cash + Σ quantity × mark; a position without a mark is valued at its average cost. */
    public BigDecimal equity() {
        BigDecimal sum = cash;
        for (Map.Entry<String, Position> entry : positions.entrySet()) {
            Position position = entry.getValue();
            BigDecimal mark = marks.getOrDefault(entry.getKey(), position.averageCost());
            sum = sum.add(Decimals.multiply(position.quantity(), mark));
        }
        return sum;
    }

    /**
     * The ledger after a fill. Cash moves by the fill's notional and fee; increasing a position averages its
     * cost; reducing it realizes (price − averageCost) per unit closed (sign-adjusted for shorts); a fill that
     * reverses a position closes it entirely and opens the remainder at the fill price.
     */
    public ShadowLedger apply(PaperOrderFilled fill) {
        BigDecimal quantity = Decimals.of(fill.quantity());
        BigDecimal price = Decimals.of(fill.price());
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("fill quantity must be positive, was " + quantity.toPlainString());
        }
        BigDecimal delta = fill.side() == Action.BUY ? quantity : quantity.negate();
        BigDecimal nextCash = fill.side() == Action.BUY
                ? cash.subtract(fill.notional()).subtract(fill.fee())
                : cash.add(fill.notional()).subtract(fill.fee());

        Position before = position(fill.instrument());
        BigDecimal held = before.quantity();
        BigDecimal after = held.add(delta);
        BigDecimal realized = Decimals.ZERO;
        BigDecimal averageCost;
        if (held.signum() == 0 || held.signum() == delta.signum()) {
            // Exact total cost, rounded once by the division.
            BigDecimal cost = held.abs().multiply(before.averageCost()).add(quantity.multiply(price));
            averageCost = Decimals.divide(cost, after.abs());
        } else {
            BigDecimal closed = held.abs().min(quantity);
            BigDecimal perUnit = held.signum() > 0
                    ? price.subtract(before.averageCost())
                    : before.averageCost().subtract(price);
            realized = Decimals.multiply(closed, perUnit);
            if (after.signum() == 0) {
                averageCost = Decimals.ZERO;
            } else if (after.signum() == held.signum()) {
                averageCost = before.averageCost();
            } else {
                averageCost = price;
            }
        }

        TreeMap<String, Position> nextPositions = new TreeMap<>(positions);
        if (after.signum() == 0) {
            nextPositions.remove(fill.instrument());
        } else {
            nextPositions.put(fill.instrument(), new Position(after, averageCost));
        }
        return new ShadowLedger(Decimals.of(nextCash), Collections.unmodifiableSortedMap(nextPositions),
                realizedPnl.add(realized), feesPaid.add(Decimals.of(fill.fee())), marks);
    }

    /** The ledger with {@code price} as the latest close of {@code instrument}. */
    public ShadowLedger mark(String instrument, BigDecimal price) {
        Objects.requireNonNull(instrument, "instrument");
        return mark(Map.of(instrument, Objects.requireNonNull(price, "price")));
    }

    /** The ledger with each of {@code closes} as the latest close of its instrument. */
    public ShadowLedger mark(Map<String, BigDecimal> closes) {
        TreeMap<String, BigDecimal> nextMarks = new TreeMap<>(marks);
        closes.forEach((instrument, price) -> nextMarks.put(Objects.requireNonNull(instrument, "instrument"),
                Decimals.of(Objects.requireNonNull(price, "price"))));
        return new ShadowLedger(cash, positions, realizedPnl, feesPaid, Collections.unmodifiableSortedMap(nextMarks));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShadowLedger that
                && cash.equals(that.cash)
                && positions.equals(that.positions)
                && realizedPnl.equals(that.realizedPnl)
                && feesPaid.equals(that.feesPaid)
                && marks.equals(that.marks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cash, positions, realizedPnl, feesPaid, marks);
    }

    @Override
    public String toString() {
        return "ShadowLedger[cash=" + Decimals.format(cash) + ", positions=" + positions + ", realizedPnl="
                + Decimals.format(realizedPnl) + ", feesPaid=" + Decimals.format(feesPaid) + ", marks=" + marks + "]";
    }
}
