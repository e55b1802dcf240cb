package dev.paperplane.application.analytics;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.strategy.StrategySpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The performance analytics as a left fold of the audit events: derived, deterministic, decimal only. Each event
 * costs O(1) map look-ups: equity is kept as cash flow plus the market value of each instrument, adjusted when a
 * bar or a fill changes one instrument; the per-strategy attribution is assembled only when {@link #report()}
 * asks. The events are those of a verified log and are not checked again. Not thread-safe.
 */
public final class PerformanceFold {
    private long seq;
    private BigDecimal initialCash;
    private final TreeSet<String> strategies = new TreeSet<>();
    private final TreeMap<String, BigDecimal> marks = new TreeMap<>();
    private final TreeMap<String, Book> portfolioBooks = new TreeMap<>();
    // instrument → strategy → book, strategies in id order: the order the market value is allocated in
    private final TreeMap<String, TreeMap<String, Book>> books = new TreeMap<>();
    private final TreeMap<String, BigDecimal> marketValues = new TreeMap<>();
    private final TreeMap<String, Long> barsByInstrument = new TreeMap<>();
    private BigDecimal cashFlow = Decimals.ZERO;
    private BigDecimal marketValue = Decimals.ZERO;
    private long bars;
    private long fills;
    private long rejections;
    private final DrawdownTracker drawdown;
    private final List<SessionTally> sessions = new ArrayList<>();
    private final RoundTrips trips;
    private final EquityCurve curve;

    /** A fold before any event. */
    public PerformanceFold() {
        drawdown = new DrawdownTracker();
        trips = new RoundTrips();
        curve = new EquityCurve();
    }

    private PerformanceFold(PerformanceFold from) {
        seq = from.seq;
        initialCash = from.initialCash;
        strategies.addAll(from.strategies);
        marks.putAll(from.marks);
        from.portfolioBooks.forEach((instrument, book) -> portfolioBooks.put(instrument, book.copy()));
        from.books.forEach((instrument, byStrategy) -> {
            TreeMap<String, Book> copies = new TreeMap<>();
            byStrategy.forEach((strategy, book) -> copies.put(strategy, book.copy()));
            books.put(instrument, copies);
        });
        marketValues.putAll(from.marketValues);
        barsByInstrument.putAll(from.barsByInstrument);
        cashFlow = from.cashFlow;
        marketValue = from.marketValue;
        bars = from.bars;
        fills = from.fills;
        rejections = from.rejections;
        drawdown = from.drawdown.copy();
        from.sessions.forEach(session -> sessions.add(session.copy()));
        trips = from.trips.copy();
        curve = from.curve.copy();
    }

    /**
     * A copy of this fold that goes on independently and gives, event for event, the figures this one would. It
     * shares the curve's points and the closed round trips with the fold it was first copied from, which only
     * appends to them, so a copy costs the size of the books, not of the log.
     */
    public PerformanceFold copy() {
        return new PerformanceFold(this);
    }

    /** The seq of the last event folded, 0 before any. */
    public long seq() {
        return seq;
    }

    /** Folds the event recorded at {@code eventSeq}, which must follow the last one folded. */
    public PerformanceFold apply(long eventSeq, AuditEvent event) {
        if (eventSeq <= seq) {
            throw new IllegalArgumentException("seq " + eventSeq + " does not follow the last folded seq " + seq);
        }
        seq = eventSeq;
        SessionTally session = sessions.isEmpty() ? null : sessions.getLast();
        boolean moved = true;
        switch (event) {
            case SessionStarted started -> {
                if (initialCash == null) {
                    initialCash = started.config().initialCash();
                }
                started.config().strategies().stream().map(StrategySpec::id).forEach(strategies::add);
                session = new SessionTally(eventSeq, started.time(), equity());
                sessions.add(session);
            }
            case MarketBarObserved observed -> {
                String instrument = observed.bar().instrument();
                marks.put(instrument, Decimals.of(observed.bar().close()));
                bars++;
                barsByInstrument.merge(instrument, 1L, Long::sum);
                revalue(instrument);
                if (session != null) {
                    session.bars++;
                }
            }
            case PaperOrderFilled fill -> filled(eventSeq, fill, session);
            case OrderRejected rejected -> {
                book(rejected.strategyId(), rejected.instrument()).rejected();
                rejections++;
                if (session != null) {
                    session.rejections++;
                }
                moved = false;
            }
            case DecisionRecorded decision -> moved = false;
            case SessionCompleted completed -> {
                if (session != null) {
                    session.completed = true;
                }
                moved = false;
            }
        }
        if (session != null && (!session.completed || event instanceof SessionCompleted)) {
            session.end(eventSeq, event.time(), equity());
        }
        if (moved) {
            BigDecimal equity = equity();
            drawdown.observe(eventSeq, event.time(), equity);
            curve.observe(eventSeq, event.time(), equity, drawdown.peak());
            if (session != null) {
                session.drawdown.observe(eventSeq, event.time(), equity);
            }
        }
        return this;
    }

    private void filled(long eventSeq, PaperOrderFilled fill, SessionTally session) {
        String instrument = fill.instrument();
        book(fill.strategyId(), instrument).apply(eventSeq, fill).ifPresent(trips::add);
        portfolioBooks.computeIfAbsent(instrument, i -> new Book("", i)).apply(eventSeq, fill);
        BigDecimal notional = Decimals.of(fill.notional());
        BigDecimal fee = Decimals.of(fill.fee());
        cashFlow = (fill.side() == Action.BUY ? cashFlow.subtract(notional)
                : cashFlow.add(notional)).subtract(fee);
        fills++;
        revalue(instrument);
        if (session != null) {
            session.fills++;
            session.fees = session.fees.add(fee);
            session.turnover = session.turnover.add(notional);
        }
    }

    private Book book(String strategy, String instrument) {
        strategies.add(strategy);
        return books.computeIfAbsent(instrument, i -> new TreeMap<>())
                .computeIfAbsent(strategy, s -> new Book(s, instrument));
    }

    /** The price an instrument's open quantity is valued at: its mark, else the portfolio's average cost. */
    private BigDecimal price(String instrument) {
        BigDecimal mark = marks.get(instrument);
        if (mark != null) {
            return mark;
        }
        Book held = portfolioBooks.get(instrument);
        return held == null ? Decimals.ZERO : held.averageCost();
    }

    private void revalue(String instrument) {
        Book held = portfolioBooks.get(instrument);
        BigDecimal value = held == null ? Decimals.ZERO : Decimals.multiply(held.quantity(), price(instrument));
        BigDecimal before = marketValues.put(instrument, value);
        marketValue = marketValue.subtract(before == null ? Decimals.ZERO : before).add(value);
    }

    /** cash + Σ open quantity × price, exactly as the ledger computes it. */
    public BigDecimal equity() {
        return (initialCash == null ? Decimals.ZERO : initialCash).add(cashFlow).add(marketValue);
    }

    /** The round trips closed so far, in the order they closed (their closeSeq is increasing). */
    public List<RoundTrip> trips() {
        return trips.asList();
    }

    /**
     * Up to {@code max} round trips closed after seq {@code afterCloseSeq}, oldest first, of the given strategy
     * and instrument when given.
     */
    public List<RoundTrip> trips(long afterCloseSeq, Optional<String> strategy, Optional<String> instrument,
                                 int max) {
        return trips.after(afterCloseSeq, strategy, instrument, max);
    }

    /**
     * Up to {@code max} points of the equity curve sampled every {@code intervalSeconds} (a multiple of 60
     * dividing a day), the first one the first whose interval ends after epoch second {@code after}.
     */
    public List<EquityPoint> equityCurve(long intervalSeconds, long after, int max) {
        return curve.page(intervalSeconds, after, max);
    }

    /** The figures after every event folded so far, the risk-adjusted ones of daily returns. */
    public PerformanceReport report() {
        return report("1d", 1);
    }

    /**
     * The figures after every event folded so far, the risk-adjusted ones of the returns of {@code interval}
     * ({@code intervalsPerDay} of them in a UTC day).
     */
    public PerformanceReport report(String interval, long intervalsPerDay) {
        BigDecimal cash = initialCash == null ? Decimals.ZERO : initialCash;
        BigDecimal equity = equity();
        BigDecimal realized = Decimals.ZERO;
        BigDecimal fees = Decimals.ZERO;
        BigDecimal turnover = Decimals.ZERO;
        for (Book book : portfolioBooks.values()) {
            realized = realized.add(book.realized());
            fees = fees.add(book.fees());
            turnover = turnover.add(book.turnover());
        }
        BigDecimal total = equity.subtract(cash);
        Portfolio portfolio = new Portfolio(cash, equity, cash.signum() == 0 ? null : Decimals.divide(total, cash),
                new Pnl(realized, total.subtract(realized).add(fees), fees, total, turnover), bars, fills, rejections,
                drawdown.drawdown());
        TreeMap<String, Group> byStrategy = new TreeMap<>();
        strategies.forEach(s -> byStrategy.put(s, new Group()));
        TreeMap<String, Group> byInstrument = new TreeMap<>();
        barsByInstrument.keySet().forEach(i -> byInstrument.put(i, new Group()));
        for (Map.Entry<String, TreeMap<String, Book>> entry : books.entrySet()) {
            String instrument = entry.getKey();
            BigDecimal price = price(instrument);
            // Cumulative rounding in strategy-id order: the parts sum exactly to the instrument's rounded value.
            BigDecimal exact = BigDecimal.ZERO;
            BigDecimal allocated = Decimals.ZERO;
            Group perInstrument = byInstrument.computeIfAbsent(instrument, i -> new Group());
            for (Book book : entry.getValue().values()) {
                exact = exact.add(book.quantity().multiply(price));
                BigDecimal upTo = Decimals.of(exact);
                BigDecimal value = upTo.subtract(allocated);
                allocated = upTo;
                byStrategy.get(book.strategy()).add(book, value);
                perInstrument.add(book, value);
            }
        }
        List<SessionFigures> sessionFigures = sessions.stream().map(SessionTally::figures).toList();
        RiskFigures risk = RiskAdjusted.of(interval, intervalsPerDay, cash,
                curve.points(86_400 / intervalsPerDay, Long.MIN_VALUE / 2), portfolio.drawdown());
        return new PerformanceReport(seq, portfolio, risk, sessionFigures, attributions(byStrategy, k -> bars),
                attributions(byInstrument, k -> barsByInstrument.getOrDefault(k, 0L)));
    }

    private static SortedMap<String, Attribution> attributions(TreeMap<String, Group> groups,
                                                               java.util.function.ToLongFunction<String> barsOf) {
        TreeMap<String, Attribution> out = new TreeMap<>();
        groups.forEach((key, group) -> out.put(key, group.attribution(barsOf.applyAsLong(key))));
        return Collections.unmodifiableSortedMap(out);
    }

    /** Sums over the books of one strategy or one instrument. */
    private static final class Group {
        private BigDecimal realized = Decimals.ZERO;
        private BigDecimal fees = Decimals.ZERO;
        private BigDecimal total = Decimals.ZERO;
        private BigDecimal turnover = Decimals.ZERO;
        private long fills;
        private long rejections;
        private final TripTally trips = new TripTally();

        void add(Book book, BigDecimal value) {
            realized = realized.add(book.realized());
            fees = fees.add(book.fees());
            total = total.add(book.cashFlow()).add(value);
            turnover = turnover.add(book.turnover());
            fills += book.fills();
            rejections += book.rejections();
            trips.addAll(book.trips());
        }

        Attribution attribution(long bars) {
            return new Attribution(new Pnl(realized, total.subtract(realized).add(fees), fees, total, turnover),
                    bars, fills, rejections, trips.stats());
        }
    }

    /** One session's running figures. */
    private static final class SessionTally {
        final long startSeq;
        final Instant startTime;
        final BigDecimal startEquity;
        long endSeq;
        Instant endTime;
        BigDecimal endEquity;
        boolean completed;
        BigDecimal fees = Decimals.ZERO;
        BigDecimal turnover = Decimals.ZERO;
        long bars;
        long fills;
        long rejections;
        final DrawdownTracker drawdown;

        SessionTally(long startSeq, Instant startTime, BigDecimal startEquity) {
            this(startSeq, startTime, startEquity, new DrawdownTracker());
        }

        private SessionTally(long startSeq, Instant startTime, BigDecimal startEquity, DrawdownTracker drawdown) {
            this.startSeq = startSeq;
            this.startTime = startTime;
            this.startEquity = startEquity;
            this.drawdown = drawdown;
        }

        SessionTally copy() {
            SessionTally copy = new SessionTally(startSeq, startTime, startEquity, drawdown.copy());
            copy.end(endSeq, endTime, endEquity);
            copy.completed = completed;
            copy.fees = fees;
            copy.turnover = turnover;
            copy.bars = bars;
            copy.fills = fills;
            copy.rejections = rejections;
            return copy;
        }

        void end(long seq, Instant time, BigDecimal equity) {
            endSeq = seq;
            endTime = time;
            endEquity = equity;
        }

        SessionFigures figures() {
            return new SessionFigures(startSeq, startTime, endSeq, endTime, completed, startEquity, endEquity,
                    endEquity.subtract(startEquity), fees, turnover, bars, fills, rejections, drawdown.drawdown());
        }
    }
}
