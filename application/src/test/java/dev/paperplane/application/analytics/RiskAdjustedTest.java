package dev.paperplane.application.analytics;

import static dev.paperplane.application.analytics.Events.at;
import static dev.paperplane.application.analytics.Events.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sharpe, Sortino and Calmar of daily returns +10%, −10%, +10% from 100, computed by hand. */
class RiskAdjustedTest {
    private static final Drawdown TEN_PERCENT = new Drawdown(d("11"), d("0.1"), d("110"), 2L, at(0), 3L, at(0),
            null, null);

    private static EquityPoint day(int n, String equity) {
        return new EquityPoint(at(86_400L * n), n, d(equity), d("110"), d("0"));
    }

    @Test
    void dailyReturnsAreAnnualizedByTheSquareRootOf365() {
        // mean 1/30; deviations 1/15, −2/15, 1/15: sample sd √((6/225) / 2) = 0.11547005;
        // downside √(0.01 / 3) = 0.05773503; √365 = 19.10497317
        RiskFigures risk = RiskAdjusted.of("1d", 1, d("100"),
                List.of(day(1, "110"), day(2, "99"), day(3, "108.9")), TEN_PERCENT);

        assertThat(risk).isEqualTo(new RiskFigures("1d", 365, 3, d("5.51513070"), null, d("11.03026141"), null,
                // annualized return 0.089 × 365 / 3 = 10.8283…, over the drawdown fraction 0.1
                d("108.28333333"), null));
    }

    @Test
    void tooFewReturnsGiveNullFiguresAndTheReasonNeverADivisionError() {
        RiskFigures risk = RiskAdjusted.of("1h", 24, d("100"), List.of(day(1, "110")), TEN_PERCENT);

        assertThat(risk).isEqualTo(new RiskFigures("1h", 8760, 1, null, "fewer than 2 interval returns", null,
                "fewer than 2 interval returns", null, "fewer than 2 interval returns"));
    }

    @Test
    void returnsThatNeverFallHaveNoSortinoAndNoCalmarWithoutADrawdown() {
        Drawdown none = new Drawdown(d("0"), d("0"), d("121"), null, null, null, null, null, null);
        RiskFigures risk = RiskAdjusted.of("1d", 1, d("100"), List.of(day(1, "110"), day(2, "121")), none);

        assertThat(risk.sharpe()).isNull();
        assertThat(risk.sharpeUnavailable()).isEqualTo("the returns do not vary");
        assertThat(risk.sortinoUnavailable()).isEqualTo("no interval return is negative");
        assertThat(risk.calmarUnavailable()).isEqualTo("there is no drawdown");
    }
}
