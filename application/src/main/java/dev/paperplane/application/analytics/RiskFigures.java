package dev.paperplane.application.analytics;

import java.math.BigDecimal;

/**
 * Risk-adjusted figures of the interval returns. A figure that cannot be computed is null and its
 * {@code …Unavailable} text says why.
 *
 * @param interval          the interval of the returns, e.g. {@code 1d}
 * @param intervalsPerYear  365 days × intervals per day
 * @param returns           how many interval returns there are
 */
public record RiskFigures(String interval, long intervalsPerYear, long returns, BigDecimal sharpe,
                          String sharpeUnavailable, BigDecimal sortino, String sortinoUnavailable,
                          BigDecimal calmar, String calmarUnavailable) {
}
