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
    private final Fixed quantity = new Fixed();
    private final Fixed averageCost = new Fixed();
    private final Fixed realized = new Fixed();
    private final Fixed fees = new Fixed();
    private final Fixed cashFlow = new Fixed();
    private final Fixed turnover = new Fixed();
    private long fills;
    private long rejections;
    private final TripTally trips = new TripTally();
    private Trip open;
    // scratch values of apply, kept so that a fill allocates nothing on the long path
    private final Fixed held = new Fixed();
    private final Fixed heldAbs = new Fixed();
    private final Fixed closing = new Fixed();
    private final Fixed perUnit = new Fixed();
    private final Fixed gain = new Fixed();
    private final Fixed closingFee = new Fixed();
    private final Fixed reopened = new Fixed();
    private final Fixed reopenedFee = new Fixed();

    Book(String strategy, String instrument) {
        this.strategy = strategy;
        this.instrument = instrument;
    }

    /** A copy that goes on independently. */
    Book copy() {
        Book copy = new Book(strategy, instrument);
        copy.quantity.set(quantity);
        copy.averageCost.set(averageCost);
        copy.realized.set(realized);
        copy.fees.set(fees);
        copy.cashFlow.set(cashFlow);
        copy.turnover.set(turnover);
        copy.fills = fills;
        copy.rejections = rejections;
        copy.trips.addAll(trips);
        copy.open = open == null ? null : open.copy();
        return copy;
    }

    /** A fill's amounts, each brought to the canonical scale once for every book the fill moves. */
    static final class Fill {
        final Fixed quantity = new Fixed();
        final Fixed price = new Fixed();
        final Fixed fee = new Fixed();
        final Fixed notional = new Fixed();
        final Fixed delta = new Fixed();
        boolean buy;
        PaperOrderFilled event;

        /** Takes the amounts of {@code fill}; returns this. */
        Fill of(PaperOrderFilled fill) {
            event = fill;
            quantity.set(fill.quantity());
            price.set(fill.price());
            fee.set(fill.fee());
            notional.set(fill.notional());
            buy = fill.side() == Action.BUY;
            if (buy) {
                delta.set(quantity);
            } else {
                delta.setDifference(Fixed.ZERO, quantity);
            }
            return this;
        }
    }

    /** The trip being built: exact (unrounded) sums, rounded once when the trip closes. */
    private static final class Trip {
        final String side;
        final long openSeq;
        final Instant openTime;
        final Fixed openedQuantity = new Fixed();
        // quantity × price sums at scale 16, exact: kept as BigDecimal (a trip's fills are few next to the bars)
        BigDecimal openedCost = BigDecimal.ZERO;
        BigDecimal closedProceeds = BigDecimal.ZERO;
        final Fixed gross = new Fixed();
        final Fixed fees = new Fixed();

        Trip(String side, long openSeq, Instant openTime) {
            this.side = side;
            this.openSeq = openSeq;
            this.openTime = openTime;
        }

        Trip copy() {
            Trip copy = new Trip(side, openSeq, openTime);
            copy.openedQuantity.set(openedQuantity);
            copy.openedCost = openedCost;
            copy.closedProceeds = closedProceeds;
            copy.gross.set(gross);
            copy.fees.set(fees);
            return copy;
        }

        void open(Fixed quantity, Fixed price, Fixed fee) {
            openedQuantity.add(quantity);
            openedCost = openedCost.add(quantity.decimal().multiply(price.decimal()));
            fees.add(fee);
        }
    }

    /** Applies a fill; returns the round trip it closed, if any. */
    Optional<RoundTrip> apply(long seq, Fill fill) {
        Fixed qty = fill.quantity;
        Fixed price = fill.price;
        Fixed fee = fill.fee;
        Fixed delta = fill.delta;
        if (fill.buy) {
            cashFlow.subtract(fill.notional);
        } else {
            cashFlow.add(fill.notional);
        }
        cashFlow.subtract(fee);
        fees.add(fee);
        turnover.add(fill.notional);
        fills++;
        held.set(quantity);
        heldAbs.setAbs(held);
        Fixed after = quantity.add(delta);
        Optional<RoundTrip> closed = Optional.empty();
        if (held.signum() == 0 || held.signum() == delta.signum()) {
            // (|held| × averageCost + qty × price) / |after|, the ledger's average cost, rounded once
            averageCost.setQuotient(heldAbs, averageCost, qty, price, closing.setAbs(after));
            if (open == null) {
                open = new Trip(delta.signum() > 0 ? "LONG" : "SHORT", seq, fill.event.time());
            }
            open.open(qty, price, fee);
        } else {
            closing.set(heldAbs.compareTo(qty) <= 0 ? heldAbs : qty);
            if (held.signum() > 0) {
                perUnit.setDifference(price, averageCost);
            } else {
                perUnit.setDifference(averageCost, price);
            }
            gain.setProduct(closing, perUnit);
            realized.add(gain);
            if (closing.compareTo(qty) == 0) {
                closingFee.set(fee);
            } else {
                closingFee.setQuotient(fee, closing, Fixed.ZERO, Fixed.ZERO, qty);
            }
            open.gross.add(gain);
            open.fees.add(closingFee);
            open.closedProceeds = open.closedProceeds.add(closing.decimal().multiply(price.decimal()));
            if (after.signum() == 0) {
                averageCost.setZero();
                closed = Optional.of(close(seq, fill.event.time()));
            } else if (after.signum() != held.signum()) {
                averageCost.set(price);
                closed = Optional.of(close(seq, fill.event.time()));
                open = new Trip(after.signum() > 0 ? "LONG" : "SHORT", seq, fill.event.time());
                open.open(reopened.setAbs(after), price, reopenedFee.setDifference(fee, closingFee));
            }
        }
        return closed;
    }

    private RoundTrip close(long seq, Instant time) {
        Trip trip = open;
        open = null;
        BigDecimal tripQuantity = trip.openedQuantity.decimal();
        BigDecimal gross = trip.gross.decimal();
        BigDecimal tripFees = trip.fees.decimal();
        RoundTrip done = new RoundTrip(strategy, instrument, trip.side, tripQuantity, trip.openSeq, trip.openTime,
                seq, time, Decimals.divide(trip.openedCost, tripQuantity),
                Decimals.divide(trip.closedProceeds, tripQuantity), gross, tripFees,
                gross.subtract(tripFees), Duration.between(trip.openTime, time).toSeconds());
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

    Fixed quantity() {
        return quantity;
    }

    Fixed averageCost() {
        return averageCost;
    }

    Fixed realized() {
        return realized;
    }

    Fixed fees() {
        return fees;
    }

    /** Σ sell notionals − Σ buy notionals − Σ fees. */
    Fixed cashFlow() {
        return cashFlow;
    }

    Fixed turnover() {
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
