package dev.paperplane.application.analytics;

import static dev.paperplane.application.analytics.Events.at;
import static dev.paperplane.application.analytics.Events.bar;
import static dev.paperplane.application.analytics.Events.d;
import static dev.paperplane.application.analytics.Events.fill;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.decision.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analytics fold over one small session computed by hand: strategy a goes long X and leaves in two partial
 * exits (a win, with fees and slippage in the prices); strategy b shorts Y, loses, and flips through zero into a
 * long that stays open.
 */
class PerformanceFoldTest {
    private static final List<AuditEvent> SESSION = List.of(
            Events.session("10000", List.of("a", "b")),                                    // 1: equity 10000
            bar(0, "X", "100"),                                                           // 2: 10000
            fill(0, "a", "X", Action.BUY, "10", "100.05", "1000.50", "1.00"),            // 3: 9998.50
            bar(60, "X", "110"),                                                          // 4: 10098.50 (peak)
            fill(60, "a", "X", Action.SELL, "4", "109.95", "439.80", "0.44"),            // 5: 10097.86
            bar(120, "X", "105"),                                                         // 6: 10067.86
            fill(120, "a", "X", Action.SELL, "6", "104.95", "629.70", "0.63"),           // 7: 10066.93
            bar(180, "Y", "50"),                                                          // 8: 10066.93
            fill(180, "b", "Y", Action.SELL, "20", "49.95", "999.00", "1.00"),           // 9: 10064.93
            bar(240, "Y", "52"),                                                          // 10: 10024.93
            fill(240, "b", "Y", Action.BUY, "30", "52.05", "1561.50", "1.50"),           // 11: 10021.93 (trough)
            bar(300, "Y", "53"),                                                          // 12: 10031.93
            Events.rejected(300, "b", "Y"),                                               // 13
            new SessionCompleted(at(300), 6, 0, 5, 1, d("10031.93")));                                               // 14

    private static PerformanceFold fold(List<AuditEvent> events) {
        PerformanceFold fold = new PerformanceFold();
        for (int i = 0; i < events.size(); i++) {
            fold.apply(i + 1, events.get(i));
        }
        return fold;
    }

    @Test
    void aWinningLongWithPartialExitsIsOneRoundTripAtTheAverageExitPrice() {
        RoundTrip trip = fold(SESSION).trips().getFirst();

        assertThat(trip).isEqualTo(new RoundTrip("a", "X", "LONG", d("10"), 3, at(0), 7, at(120), d("100.05"),
                d("106.95"), d("69.00"), d("2.07"), d("66.93"), 120));
    }

    @Test
    void aShortFlippedThroughZeroClosesOneTripAndSplitsTheCrossingFeeByQuantity() {
        PerformanceFold fold = fold(SESSION);

        // 20 of the 30 bought close the short: 20/30 of the 1.50 fee (1.00) is the short's; 0.50 opens the long.
        assertThat(fold.trips()).hasSize(2);
        assertThat(fold.trips().get(1)).isEqualTo(new RoundTrip("b", "Y", "SHORT", d("20"), 9, at(180), 11, at(240),
                d("49.95"), d("52.05"), d("-42.00"), d("2.00"), d("-44.00"), 60));
        Attribution b = fold.report().strategies().get("b");
        assertThat(b.pnl()).isEqualTo(new Pnl(d("-42.00"), d("9.50"), d("2.50"), d("-35.00"), d("2560.50")));
    }

    @Test
    void thePortfolioIsEquityMinusInitialCashWithTheLedgersRealizedAndFees() {
        Portfolio p = fold(SESSION).report().portfolio();

        assertThat(p.initialCash()).isEqualTo(d("10000"));
        assertThat(p.equity()).isEqualTo(d("10031.93"));
        assertThat(p.returnFraction()).isEqualTo(d("0.00319300"));
        assertThat(p.pnl()).isEqualTo(new Pnl(d("27.00"), d("9.50"), d("4.57"), d("31.93"), d("4630.50")));
        assertThat(List.of(p.bars(), p.fills(), p.rejections())).containsExactly(6L, 5L, 1L);
    }

    @Test
    void theMaximumDrawdownRunsFromTheRunningPeakToTheLowestPointAfterIt() {
        Drawdown dd = fold(SESSION).report().portfolio().drawdown();

        assertThat(dd).isEqualTo(new Drawdown(d("76.57"), d("0.00758231"), d("10098.50"), 4L, at(60), 11L, at(240),
                null, null));
    }

    @Test
    void aDrawdownRecoversAtTheFirstPointBackAtItsPeak() {
        Drawdown dd = fold(SESSION.subList(0, 4)).report().portfolio().drawdown();

        // 10000 → 9998.50 at seq 3 → 10098.50 at seq 4
        assertThat(dd).isEqualTo(new Drawdown(d("1.50"), d("0.00015000"), d("10000"), 1L, Events.T0, 3L, at(0),
                4L, at(60)));
    }

    @Test
    void roundTripFiguresPerStrategyAndInstrument() {
        PerformanceReport report = fold(SESSION).report();

        assertThat(report.strategies().get("a").trips()).isEqualTo(new TripStats(1, 1, 0, d("1"), null,
                d("66.93"), d("66.93"), null, d("66.93"), null, 120L));
        assertThat(report.strategies().get("b").trips()).isEqualTo(new TripStats(1, 0, 1, d("0"), d("0"),
                d("-44.00"), null, d("-44.00"), null, d("-44.00"), 60L));
        assertThat(report.instruments().get("X").pnl().total()).isEqualTo(d("66.93"));
        assertThat(report.instruments().get("Y").pnl().total()).isEqualTo(d("-35.00"));
        assertThat(report.instruments().get("Y").bars()).isEqualTo(3);
        assertThat(report.strategies().get("b").rejections()).isEqualTo(1);
    }

    @Test
    void aSessionRunsFromItsStartToItsCompletion() {
        SessionFigures s = fold(SESSION).report().sessions().getFirst();

        assertThat(s).isEqualTo(new SessionFigures(1, Events.T0, 14, at(300), true, d("10000"), d("10031.93"),
                d("31.93"), d("4.57"), d("4630.50"), 6, 5, 1, fold(SESSION).report().portfolio().drawdown()));
    }

    @Test
    void beforeAnyEventEverythingIsZeroAndNoFigureDividesByZero() {
        PerformanceReport report = new PerformanceFold().report();

        assertThat(report.portfolio().equity()).isEqualTo(d("0"));
        assertThat(report.portfolio().returnFraction()).isNull();
        assertThat(report.portfolio().drawdown().fraction()).isNull();
        assertThat(report.strategies()).isEmpty();
    }

    @Test
    void theEquityCurveTakesTheLastPointOfEachUtcIntervalWithItsDrawdown() {
        PerformanceFold fold = fold(SESSION);

        assertThat(fold.equityCurve(300, Long.MIN_VALUE / 2, 10)).containsExactly(
                new EquityPoint(at(300), 11, d("10021.93"), d("10098.50"), d("76.57")),
                new EquityPoint(at(600), 12, d("10031.93"), d("10098.50"), d("66.57")));
        assertThat(fold.equityCurve(60, at(180).getEpochSecond(), 2)).containsExactly(
                new EquityPoint(at(240), 9, d("10064.93"), d("10098.50"), d("33.57")),
                new EquityPoint(at(300), 11, d("10021.93"), d("10098.50"), d("76.57")));
    }
}
