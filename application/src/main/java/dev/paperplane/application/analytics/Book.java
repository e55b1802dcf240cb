package dev.paperplane.application.analytics;

import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One holding in one instrument built from fills with the ledger's cost rule ({@code ShadowLedger.apply}): a
 * strategy's own book, or the portfolio's. It also follows the round trip it is in. Not thread-safe.
 */
final class Book {
    private final String strategy;
    private final String instrument;
    private BigDecimal quantity = Decimals.ZERO;
    private BigDecimal averageCost = Decimals.ZERO;
    private BigDecimal realized = Decimals.ZERO;
    private BigDecimal fees = Decimals.ZERO;
    private BigDecimal cashFlow = Decimals.ZERO;
    private BigDecimal turnover = Decimals.ZERO;
    private long fills;
    private long rejections;
    private final TripTally trips = new TripTally();
    private Trip open;

    Book(String strategy, String instrument) {
        this.strategy = strategy;
        this.instrument = instrument;
    }

    /** A copy that goes on independently. */
    Book copy() {
        Book copy = new Book(strategy, instrument);
        copy.quantity = quantity;
        copy.averageCost = averageCost;
        copy.realized = realized;
        copy.fees = fees;
        copy.cashFlow = cashFlow;
        copy.turnover = turnover;
        copy.fills = fills;
        copy.rejections = rejections;
        copy.trips.addAll(trips);
        copy.open = open == null ? null : open.copy();
        return copy;
    }

    /** The trip being built: exact (unrounded) sums, rounded once when the trip closes. */
    private static final class Trip {
        final String side;
        final long openSeq;
        final Instant openTime;
        BigDecimal openedQuantity = BigDecimal.ZERO;
        BigDecimal openedCost = BigDecimal.ZERO;
        BigDecimal closedProceeds = BigDecimal.ZERO;
        BigDecimal gross = Decimals.ZERO;
        BigDecimal fees = Decimals.ZERO;

        Trip(String side, long openSeq, Instant openTime) {
            this.side = side;
            this.openSeq = openSeq;
            this.openTime = openTime;
        }

        Trip copy() {
            Trip copy = new Trip(side, openSeq, openTime);
            copy.openedQuantity = openedQuantity;
            copy.openedCost = openedCost;
            copy.closedProceeds = closedProceeds;
            copy.gross = gross;
            copy.fees = fees;
            return copy;
        }

        void open(BigDecimal quantity, BigDecimal price, BigDecimal fee) {
            openedQuantity = openedQuantity.add(quantity);
            openedCost = openedCost.add(quantity.multiply(price));
            fees = fees.add(fee);
        }
    }

    /** Applies a fill; returns the round trip it closed, if any. */
    Optional<RoundTrip> apply(long seq, PaperOrderFilled fill) {
        BigDecimal qty = Decimals.of(fill.quantity());
        BigDecimal price = Decimals.of(fill.price());
        BigDecimal fee = Decimals.of(fill.fee());
        BigDecimal notional = Decimals.of(fill.notional());
        boolean buy = fill.side() == Action.BUY;
        BigDecimal delta = buy ? qty : qty.negate();
        cashFlow = (buy ? cashFlow.subtract(notional) : cashFlow.add(notional)).subtract(fee);
        fees = fees.add(fee);
        turnover = turnover.add(notional);
        fills++;
        BigDecimal held = quantity;
        BigDecimal after = held.add(delta);
        Optional<RoundTrip> closed = Optional.empty();
        if (held.signum() == 0 || held.signum() == delta.signum()) {
            BigDecimal cost = held.abs().multiply(averageCost).add(qty.multiply(price));
            averageCost = Decimals.divide(cost, after.abs());
            if (open == null) {
                open = new Trip(delta.signum() > 0 ? "LONG" : "SHORT", seq, fill.time());
            }
            open.open(qty, price, fee);
        } else {
            BigDecimal closing = held.abs().min(qty);
            BigDecimal perUnit = held.signum() > 0 ? price.subtract(averageCost) : averageCost.subtract(price);
            BigDecimal gain = Decimals.multiply(closing, perUnit);
            realized = realized.add(gain);
            BigDecimal closingFee = closing.compareTo(qty) == 0 ? fee : Decimals.divide(fee.multiply(closing), qty);
            open.gross = open.gross.add(gain);
            open.fees = open.fees.add(closingFee);
            open.closedProceeds = open.closedProceeds.add(closing.multiply(price));
            if (after.signum() == 0) {
                averageCost = Decimals.ZERO;
                closed = Optional.of(close(seq, fill.time()));
            } else if (after.signum() != held.signum()) {
                averageCost = price;
                closed = Optional.of(close(seq, fill.time()));
                open = new Trip(after.signum() > 0 ? "LONG" : "SHORT", seq, fill.time());
                open.open(after.abs(), price, fee.subtract(closingFee));
            }
        }
        quantity = after;
        return closed;
    }

    private RoundTrip close(long seq, Instant time) {
        Trip trip = open;
        open = null;
        BigDecimal tripQuantity = Decimals.of(trip.openedQuantity);
        RoundTrip done = new RoundTrip(strategy, instrument, trip.side, tripQuantity, trip.openSeq, trip.openTime,
                seq, time, Decimals.divide(trip.openedCost, tripQuantity),
                Decimals.divide(trip.closedProceeds, tripQuantity), trip.gross, trip.fees,
                trip.gross.subtract(trip.fees), Duration.between(trip.openTime, time).toSeconds());
        trips.add(done);
        return done;
    }

    void rejected() {
        rejections++;
    }

    String strategy() {
        return strategy;
    }

    String instrument() {
        return instrument;
    }

    BigDecimal quantity() {
        return quantity;
    }

    BigDecimal averageCost() {
        return averageCost;
    }

    BigDecimal realized() {
        return realized;
    }

    BigDecimal fees() {
        return fees;
    }

    /** Σ sell notionals − Σ buy notionals − Σ fees. */
    BigDecimal cashFlow() {
        return cashFlow;
    }

    BigDecimal turnover() {
        return turnover;
    }

    long fills() {
        return fills;
    }

    long rejections() {
        return rejections;
    }

    TripTally trips() {
        return trips;
    }
}
