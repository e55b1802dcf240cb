package dev.paperplane.application.analytics;

import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Running sums over closed round trips, from which {@link TripStats} are derived. Not thread-safe. */
final class TripTally {
    private long closed;
    private long wins;
    private long losses;
    private BigDecimal sumWins = Decimals.ZERO;
    private BigDecimal sumLosses = Decimals.ZERO;
    private BigDecimal largestWin;
    private BigDecimal largestLoss;
    private long sumHoldingSeconds;

    void add(RoundTrip trip) {
        closed++;
        sumHoldingSeconds += trip.holdingSeconds();
        BigDecimal net = trip.netPnl();
        if (net.signum() > 0) {
            wins++;
            sumWins = sumWins.add(net);
            largestWin = largestWin == null ? net : largestWin.max(net);
        } else if (net.signum() < 0) {
            losses++;
            sumLosses = sumLosses.add(net);
            largestLoss = largestLoss == null ? net : largestLoss.min(net);
        }
    }

    void addAll(TripTally other) {
        closed += other.closed;
        wins += other.wins;
        losses += other.losses;
        sumWins = sumWins.add(other.sumWins);
        sumLosses = sumLosses.add(other.sumLosses);
        largestWin = max(largestWin, other.largestWin);
        largestLoss = min(largestLoss, other.largestLoss);
        sumHoldingSeconds += other.sumHoldingSeconds;
    }

    TripStats stats() {
        BigDecimal n = BigDecimal.valueOf(closed);
        BigDecimal net = sumWins.add(sumLosses);
        return new TripStats(closed, wins, losses,
                closed == 0 ? null : Decimals.divide(BigDecimal.valueOf(wins), n),
                losses == 0 ? null : Decimals.divide(sumWins, sumLosses.negate()),
                closed == 0 ? null : Decimals.divide(net, n),
                wins == 0 ? null : Decimals.divide(sumWins, BigDecimal.valueOf(wins)),
                losses == 0 ? null : Decimals.divide(sumLosses, BigDecimal.valueOf(losses)),
                largestWin, largestLoss,
                closed == 0 ? null : BigDecimal.valueOf(sumHoldingSeconds).divide(n, 0, RoundingMode.HALF_EVEN)
                        .longValueExact());
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }
}
