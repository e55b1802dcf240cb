package dev.paperplane.application.analytics;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.strategy.StrategySpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The performance analytics as a left fold of the audit events: derived, deterministic, decimal only. Each event
 * costs O(1): equity is kept as cash flow plus the market value of each instrument, adjusted when a bar or a fill
 * changes one instrument, in {@link Fixed} arithmetic (unscaled longs while the amounts fit, exactly the
 * BigDecimal figures); the per-strategy attribution is assembled only when {@link #report()} asks. The events are
 * those of a verified log and are not checked again. Not thread-safe.
 */
public final class PerformanceFold {
    private static final int FIRST = 8;
    private long seq;
    private BigDecimal initialCash;
    private final TreeSet<String> strategies = new TreeSet<>();
    // Nothing is summed in this map's order, the report sorts what it shows.
    private final HashMap<String, Holding> holdings = new HashMap<>();
    // The first instruments seen, searched before the map: a log has few, and comparing a freshly decoded name
    // with a few others costs less than hashing it.
    private final Holding[] first = new Holding[FIRST];
    private int firstCount;
    private final Fixed cash = new Fixed();
    private final Fixed cashFlow = new Fixed();
    private final Fixed marketValue = new Fixed();
    private final Fixed equity = new Fixed();
    // scratch values of apply: an event allocates nothing while its amounts fit in longs
    private final Book.Fill fill = new Book.Fill();
    private final Fixed revalued = new Fixed();
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
        for (int i = 0; i < from.firstCount; i++) {
            first[i] = from.first[i].copy();
            holdings.put(first[i].instrument, first[i]);
        }
        firstCount = from.firstCount;
        from.holdings.forEach((instrument, holding) -> holdings.computeIfAbsent(instrument, k -> holding.copy()));
        cash.set(from.cash);
        cashFlow.set(from.cashFlow);
        marketValue.set(from.marketValue);
        equity.set(from.equity);
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
        Instant time = event.time(); // read once: each read is an interface call over the event types
        SessionTally session = sessions.isEmpty() ? null : sessions.getLast();
        boolean moved = true;
        switch (event) {
            case SessionStarted started -> {
                if (initialCash == null) {
                    initialCash = started.config().initialCash();
                    cash.set(initialCash);
                }
                started.config().strategies().stream().map(StrategySpec::id).forEach(strategies::add);
                equity.setSum(cash, cashFlow).add(marketValue);
                session = new SessionTally(eventSeq, started.time(), equity.decimal());
                sessions.add(session);
            }
            case MarketBarObserved observed -> {
                Holding holding = holding(observed.bar().instrument());
                holding.mark.set(observed.bar().close());
                holding.marked = true;
                holding.bars++;
                bars++;
                revalue(holding);
                if (session != null) {
                    session.bars++;
                }
            }
            case PaperOrderFilled filled -> filled(eventSeq, fill.of(filled), session);
            case OrderRejected rejected -> {
                book(rejected.strategyId(), holding(rejected.instrument())).rejected();
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
            session.end(eventSeq, time, equity);
        }
        if (moved) {
            drawdown.observe(eventSeq, time, equity);
            curve.observe(eventSeq, time, equity, drawdown.peak());
            if (session != null) {
                session.drawdown.observe(eventSeq, time, equity);
            }
        }
        return this;
    }

    private void filled(long eventSeq, Book.Fill fill, SessionTally session) {
        PaperOrderFilled event = fill.event;
        Holding holding = holding(event.instrument());
        book(event.strategyId(), holding).apply(eventSeq, fill).ifPresent(trips::add);
        if (holding.book == null) {
            holding.book = new Book("", event.instrument());
        }
        holding.book.apply(eventSeq, fill);
        if (fill.buy) {
            cashFlow.subtract(fill.notional);
        } else {
            cashFlow.add(fill.notional);
        }
        cashFlow.subtract(fill.fee);
        fills++;
        revalue(holding);
        if (session != null) {
            session.fills++;
            session.fees.add(fill.fee);
            session.turnover.add(fill.notional);
        }
    }

    private Holding holding(String instrument) {
        for (int i = 0; i < firstCount; i++) {
            if (first[i].instrument.equals(instrument)) {
                return first[i];
            }
        }
        Holding holding = holdings.get(instrument);
        if (holding == null) {
            holding = new Holding(instrument);
            holdings.put(instrument, holding);
            if (firstCount < FIRST) {
                first[firstCount++] = holding;
            }
        }
        return holding;
    }

    private Book book(String strategy, Holding holding) {
        Book book = holding.books.get(strategy);
        if (book == null) {
            strategies.add(strategy);
            book = new Book(strategy, holding.instrument);
            holding.books.put(strategy, book);
        }
        return book;
    }

    /** Recomputes the market value of one instrument, and equity, after its mark or the portfolio's book moved. */
    private void revalue(Holding holding) {
        if (holding.book == null) {
            revalued.setZero();
        } else {
            revalued.setProduct(holding.book.quantity(), holding.price());
        }
        if (revalued.compareTo(holding.value) != 0) {
            marketValue.subtract(holding.value).add(revalued);
            holding.value.set(revalued);
        }
        equity.setSum(cash, cashFlow).add(marketValue);
    }

    /** cash + Σ open quantity × price, exactly as the ledger computes it. */
    public BigDecimal equity() {
        return equity.decimal();
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
        for (Holding holding : holdings.values()) {
            if (holding.book != null) {
                realized = realized.add(holding.book.realized().decimal());
                fees = fees.add(holding.book.fees().decimal());
                turnover = turnover.add(holding.book.turnover().decimal());
            }
        }
        BigDecimal total = equity.subtract(cash);
        Portfolio portfolio = new Portfolio(cash, equity, cash.signum() == 0 ? null : Decimals.divide(total, cash),
                new Pnl(realized, total.subtract(realized).add(fees), fees, total, turnover), bars, fills, rejections,
                drawdown.drawdown());
        TreeMap<String, Group> byStrategy = new TreeMap<>();
        strategies.forEach(s -> byStrategy.put(s, new Group()));
        TreeMap<String, Group> byInstrument = new TreeMap<>();
        for (Holding holding : holdings.values()) {
            BigDecimal price = holding.price().decimal();
            // Cumulative rounding in strategy-id order: the parts sum exactly to the instrument's rounded value.
            BigDecimal exact = BigDecimal.ZERO;
            BigDecimal allocated = Decimals.ZERO;
            Group perInstrument = new Group();
            byInstrument.put(holding.instrument, perInstrument);
            for (Book book : holding.books.values()) {
                exact = exact.add(book.quantity().decimal().multiply(price));
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
                attributions(byInstrument, k -> holdings.get(k).bars));
    }

    private static SortedMap<String, Attribution> attributions(TreeMap<String, Group> groups,
                                                               java.util.function.ToLongFunction<String> barsOf) {
        TreeMap<String, Attribution> out = new TreeMap<>();
        groups.forEach((key, group) -> out.put(key, group.attribution(barsOf.applyAsLong(key))));
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * What the fold keeps of one instrument with a bar, a fill or a rejection: its mark, the portfolio's book in
     * it, their market value, its bars, and each strategy's book in strategy-id order (the order the market value
     * is allocated in).
     */
    private static final class Holding {
        final String instrument;
        final TreeMap<String, Book> books = new TreeMap<>();
        final Fixed mark = new Fixed();
        boolean marked;
        Book book;
        final Fixed value = new Fixed();
        long bars;

        Holding(String instrument) {
            this.instrument = instrument;
        }

        /** The price the open quantity is valued at: the mark, else the portfolio's average cost. */
        Fixed price() {
            return marked ? mark : book == null ? Fixed.ZERO : book.averageCost();
        }

        Holding copy() {
            Holding copy = new Holding(instrument);
            books.forEach((strategy, b) -> copy.books.put(strategy, b.copy()));
            copy.mark.set(mark);
            copy.marked = marked;
            copy.book = book == null ? null : book.copy();
            copy.value.set(value);
            copy.bars = bars;
            return copy;
        }
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
            realized = realized.add(book.realized().decimal());
            fees = fees.add(book.fees().decimal());
            total = total.add(book.cashFlow().decimal()).add(value);
            turnover = turnover.add(book.turnover().decimal());
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
        final Fixed endEquity = new Fixed();
        boolean completed;
        final Fixed fees = new Fixed();
        final Fixed turnover = new Fixed();
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
            copy.fees.set(fees);
            copy.turnover.set(turnover);
            copy.bars = bars;
            copy.fills = fills;
            copy.rejections = rejections;
            return copy;
        }

        void end(long seq, Instant time, Fixed equity) {
            endSeq = seq;
            endTime = time;
            endEquity.set(equity);
        }

        SessionFigures figures() {
            BigDecimal end = endEquity.decimal();
            return new SessionFigures(startSeq, startTime, endSeq, endTime, completed, startEquity, end,
                    end.subtract(startEquity), fees.decimal(), turnover.decimal(), bars, fills, rejections,
                    drawdown.drawdown());
        }
    }
}
