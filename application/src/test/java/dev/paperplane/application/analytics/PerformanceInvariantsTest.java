package dev.paperplane.application.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.ledger.ShadowLedger;
import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attribution invariants over synthetic sessions of several strategies trading several instruments in
 * fractional quantities (so every product rounds): the fold agrees with the ledger, the parts sum exactly to the
 * whole, and the drawdown equals one recomputed from the full-resolution equity curve. Also with amounts beyond a
 * long at scale 8 (about 92 billion), where the fold's {@link Fixed} arithmetic falls back to BigDecimal: the same
 * figures as the ledger's BigDecimal arithmetic.
 */
class PerformanceInvariantsTest {
    private static final List<String> STRATEGIES = List.of("alpha", "beta", "gamma");
    private static final List<String> INSTRUMENTS = List.of("AAA", "BBB", "CCC");

    /** A session of bars and random fills, seeded; every decimal at the audit log's scale, so it can be sealed. */
    static List<AuditEvent> syntheticSession(long seed, int bars) {
        return syntheticSession(seed, bars, "100000", 1);
    }

    /** As {@link #syntheticSession(long, int)} with the initial cash given and every close × {@code priceFactor}. */
    private static List<AuditEvent> syntheticSession(long seed, int bars, String cash, long priceFactor) {
        Random random = new Random(seed);
        List<AuditEvent> events = new ArrayList<>();
        events.add(Events.session(cash, STRATEGIES));
        for (int i = 0; i < bars; i++) {
            String instrument = INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
            BigDecimal close = BigDecimal.valueOf((5_000 + random.nextInt(5_000)) * priceFactor, 2).add(
                    BigDecimal.valueOf(random.nextInt(1_000_000), 8));
            events.add(Events.bar(60L * i, instrument, close.toPlainString()));
            int orders = random.nextInt(3);
            for (int o = 0; o < orders; o++) {
                Action side = random.nextBoolean() ? Action.BUY : Action.SELL;
                BigDecimal quantity = Decimals.of(BigDecimal.valueOf(1 + random.nextInt(5_000), 3));
                BigDecimal price = side == Action.BUY ? close.add(Decimals.basisPoints(close, 5))
                        : close.subtract(Decimals.basisPoints(close, 5));
                BigDecimal notional = Decimals.multiply(quantity, price);
                events.add(new PaperOrderFilled(Events.at(60L * i), STRATEGIES.get(random.nextInt(3)), instrument,
                        side, quantity, price, notional, Decimals.basisPoints(notional, 10)));
            }
        }
        return events;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void thePartsSumExactlyToTheWholeAndTheWholeIsTheLedgers(long seed) {
        agreesWithTheLedger(syntheticSession(seed, 400), Decimals.of(100_000));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void amountsBeyondALongAtScaleEightGiveTheLedgersFiguresToo(long seed) {
        // cash just below 2^63 / 10^8 and prices of 5,000,000 to 10,000,000: equity crosses the long boundary
        // both ways, and notionals, average costs and market values are 128-bit products and quotients
        List<BigDecimal> curve = agreesWithTheLedger(syntheticSession(seed, 400, "92200000000", 100_000),
                Decimals.of(92_200_000_000L));
        BigDecimal longLimit = BigDecimal.valueOf(Long.MAX_VALUE, Decimals.SCALE);
        assertThat(curve).anyMatch(equity -> equity.compareTo(longLimit) > 0)
                .anyMatch(equity -> equity.compareTo(longLimit) <= 0);
    }

    /** Folds the events beside the ledger, checks the invariants and returns the ledger's equity curve. */
    private static List<BigDecimal> agreesWithTheLedger(List<AuditEvent> events, BigDecimal cash) {
        PerformanceFold fold = new PerformanceFold();
        ShadowLedger ledger = ShadowLedger.initial(cash);
        List<BigDecimal> curve = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            AuditEvent event = events.get(i);
            fold.apply(i + 1, event);
            if (event instanceof MarketBarObserved bar) {
                ledger = ledger.mark(bar.bar().instrument(), bar.bar().close());
            } else if (event instanceof PaperOrderFilled fill) {
                ledger = ledger.apply(fill);
            }
            curve.add(ledger.equity());
            assertThat(fold.equity()).isEqualTo(ledger.equity());
        }
        PerformanceReport report = fold.report();
        Portfolio portfolio = report.portfolio();

        assertThat(portfolio.equity()).isEqualTo(ledger.equity());
        assertThat(portfolio.pnl().total()).isEqualTo(ledger.equity().subtract(portfolio.initialCash()));
        assertThat(portfolio.pnl().realized()).isEqualTo(ledger.realizedPnl());
        assertThat(portfolio.pnl().fees()).isEqualTo(ledger.feesPaid());
        assertThat(sum(report.strategies().values())).isEqualTo(portfolio.pnl().total());
        assertThat(sum(report.instruments().values())).isEqualTo(portfolio.pnl().total());
        assertThat(report.strategies().values().stream().mapToLong(Attribution::fills).sum())
                .isEqualTo(portfolio.fills());
        assertThat(portfolio.drawdown().amount()).isEqualTo(maximumDrawdown(curve));
        assertThat(fold.trips()).isNotEmpty().allSatisfy(trip ->
                assertThat(trip.netPnl()).isEqualTo(trip.grossPnl().subtract(trip.fees())));
        return curve;
    }

    private static BigDecimal sum(java.util.Collection<Attribution> parts) {
        return parts.stream().map(a -> a.pnl().total()).reduce(Decimals.ZERO, BigDecimal::add);
    }

    /** The largest peak − later value, by brute force over every pair. */
    private static BigDecimal maximumDrawdown(List<BigDecimal> curve) {
        BigDecimal worst = Decimals.ZERO;
        for (int i = 0; i < curve.size(); i++) {
            for (int j = i + 1; j < curve.size(); j++) {
                worst = worst.max(curve.get(i).subtract(curve.get(j)));
            }
        }
        return worst;
    }
}
