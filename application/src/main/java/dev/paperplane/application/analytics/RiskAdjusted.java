package dev.paperplane.application.analytics;

import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Sharpe, Sortino and Calmar of the equity curve's interval returns, in decimal arithmetic: every intermediate
 * result under {@link #CONTEXT} (34 significant digits, HALF_EVEN, square roots correctly rounded), each figure
 * rounded once at the end to scale 8 HALF_EVEN. The same bytes on every machine.
 */
public final class RiskAdjusted {
    /** The one MathContext of the risk-adjusted figures. */
    public static final MathContext CONTEXT = MathContext.DECIMAL128;

    private RiskAdjusted() {
    }

    /**
     * The figures of {@code points} (the curve at one interval, read twice: once for the mean, once for the
     * deviations, so no list of returns is held), starting from {@code initialCash}.
     *
     * @param intervalsPerDay 1440 for 1m … 1 for 1d
     */
    public static RiskFigures of(String interval, long intervalsPerDay, BigDecimal initialCash,
                                 Iterable<EquityPoint> points, Drawdown drawdown) {
        long perYear = 365 * intervalsPerDay;
        long n = 0;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal previous = initialCash;
        for (EquityPoint point : points) {
            if (previous.signum() <= 0) {
                String why = "equity was not positive at the start of an interval";
                return new RiskFigures(interval, perYear, n, null, why, null, why, null, why);
            }
            sum = sum.add(point.equity().divide(previous, CONTEXT).subtract(BigDecimal.ONE, CONTEXT), CONTEXT);
            previous = point.equity();
            n++;
        }
        if (n < 2) {
            String why = "fewer than 2 interval returns";
            return new RiskFigures(interval, perYear, n, null, why, null, why, null, why);
        }
        BigDecimal count = BigDecimal.valueOf(n);
        BigDecimal mean = sum.divide(count, CONTEXT);
        BigDecimal squares = BigDecimal.ZERO;
        BigDecimal downside = BigDecimal.ZERO;
        BigDecimal before = initialCash;
        for (EquityPoint point : points) {
            BigDecimal r = point.equity().divide(before, CONTEXT).subtract(BigDecimal.ONE, CONTEXT);
            before = point.equity();
            BigDecimal deviation = r.subtract(mean, CONTEXT);
            squares = squares.add(deviation.multiply(deviation, CONTEXT), CONTEXT);
            if (r.signum() < 0) {
                downside = downside.add(r.multiply(r, CONTEXT), CONTEXT);
            }
        }
        BigDecimal annualizer = BigDecimal.valueOf(perYear).sqrt(CONTEXT);
        BigDecimal deviation = squares.divide(BigDecimal.valueOf(n - 1L), CONTEXT).sqrt(CONTEXT);
        BigDecimal downsideDeviation = downside.divide(count, CONTEXT).sqrt(CONTEXT);
        BigDecimal sharpe = deviation.signum() == 0 ? null
                : Decimals.of(mean.divide(deviation, CONTEXT).multiply(annualizer, CONTEXT));
        BigDecimal sortino = downsideDeviation.signum() == 0 ? null
                : Decimals.of(mean.divide(downsideDeviation, CONTEXT).multiply(annualizer, CONTEXT));
        BigDecimal annualReturn = previous.subtract(initialCash).divide(initialCash, CONTEXT)
                .multiply(BigDecimal.valueOf(perYear), CONTEXT).divide(count, CONTEXT);
        BigDecimal fraction = drawdown.fraction();
        BigDecimal calmar = fraction == null || fraction.signum() == 0 ? null
                : Decimals.of(annualReturn.divide(fraction, CONTEXT));
        return new RiskFigures(interval, perYear, n, sharpe, sharpe == null ? "the returns do not vary" : null,
                sortino, sortino == null ? "no interval return is negative" : null, calmar,
                calmar == null ? "there is no drawdown" : null);
    }
}
