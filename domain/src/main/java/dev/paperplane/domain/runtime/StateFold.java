package dev.paperplane.domain.runtime;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.decision.DecisionKey;
import dev.paperplane.domain.ledger.ShadowLedger;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.session.RuntimeConfig;
import dev.paperplane.domain.strategy.CloseRing;
import dev.paperplane.domain.strategy.PriceWindow;
import dev.paperplane.domain.strategy.Strategies;
import dev.paperplane.domain.strategy.Strategy;
import dev.paperplane.domain.strategy.StrategySpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rules by which events change a {@link RuntimeState}, applied in place: what bars and decisions change (the
 * strategies' windows, the last bar times, the marks, the decision tracks) is updated where it is, and the
 * immutable state is built only when {@link #state()} asks for it, so a replay of a million events does not build
 * a million states.
 * {@link RuntimeState#apply} is this fold over one event. An event that is refused leaves the fold as it was.
 * Not thread-safe.
 */
public final class StateFold {
    private long events;
    private RuntimeConfig config;
    private List<Strategy> strategies;
    private ShadowLedger ledger;
    private SessionProgress session;
    // Each part below is either frozen (the state's immutable value) or open (a private working copy, null while
    // the part is frozen); state() freezes them.
    private SortedMap<DecisionKey, PriceWindow> windows;
    private TreeMap<DecisionKey, CloseRing> openWindows;
    private SortedMap<String, Instant> lastBarTimes;
    private TreeMap<String, Instant> openLastBarTimes;
    private DecisionMemory decisions;
    private TreeMap<DecisionKey, DecisionTrack> openTracks;
    // the closes marked since the ledger was last brought up to date: no rule reads the marks while folding
    private final TreeMap<String, BigDecimal> newMarks = new TreeMap<>();
    private RuntimeState built;

    StateFold(RuntimeState from) {
        this.events = from.events();
        this.config = from.config().orElse(null);
        this.strategies = from.strategies();
        this.ledger = from.ledger();
        this.decisions = from.decisions();
        this.session = from.session();
        this.windows = from.windows();
        this.lastBarTimes = from.lastBarTimes();
        this.built = from;
    }

    /**
     * Folds one more event in.
     *
     * @throws IllegalStateException if the event cannot follow the state folded so far, e.g. a bar before any
     *                               session; the fold is then left as it was
     */
    public StateFold apply(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        try {
            switch (event) {
                case SessionStarted started -> sessionStarted(started);
                case MarketBarObserved observed -> barObserved(observed.bar());
                case DecisionRecorded decision -> decisionRecorded(decision);
                case OrderRejected rejected -> orderRejected(rejected);
                case PaperOrderFilled fill -> orderFilled(fill);
                case SessionCompleted completed -> sessionCompleted();
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot apply " + event.type() + " at " + event.time() + " as event #"
                    + (events + 1) + ": " + e.getMessage(), e);
        }
        events++;
        built = null;
        return this;
    }

    /** The state after every event folded so far. */
    public RuntimeState state() {
        if (built == null) {
            if (openWindows != null) {
                TreeMap<DecisionKey, PriceWindow> frozen = new TreeMap<>();
                openWindows.forEach((key, ring) -> frozen.put(key, ring.window()));
                windows = Collections.unmodifiableSortedMap(frozen);
                openWindows = null;
            }
            if (openLastBarTimes != null) {
                lastBarTimes = Collections.unmodifiableSortedMap(openLastBarTimes);
                openLastBarTimes = null;
            }
            if (openTracks != null) {
                decisions = DecisionMemory.restore(openTracks);
                openTracks = null;
            }
            if (!newMarks.isEmpty()) {
                ledger = ledger.mark(newMarks);
                newMarks.clear();
            }
            built = new RuntimeState(events, config, strategies, ledger, decisions, windows, lastBarTimes, session);
        }
        return built;
    }

    // What the core reads while stepping a bar through this fold (PaperTradingCore.step): the parts as folded so
    // far, without building a state.

    /** The configuration of the current or last session, or null before the first. */
    RuntimeConfig config() {
        return config;
    }

    /** The configured strategies, in the order they are consulted on every bar. */
    List<Strategy> strategies() {
        return strategies;
    }

    /** The paper account's cash and positions as folded so far (its marks may lag: no rule reads them). */
    ShadowLedger ledger() {
        return ledger;
    }

    /** Whether a session is open. */
    public boolean sessionOpen() {
        return session.open();
    }

    /**
     * One strategy's memory of closes of one instrument, or null if it has seen none: the fold's own ring, read
     * in place (no copy per bar), to be read only.
     */
    CloseRing closes(DecisionKey key) {
        return openWindows().get(key);
    }

    /** Time of the last observed bar of one instrument, or null if none was observed. */
    public Instant lastBarTime(String instrument) {
        return (openLastBarTimes != null ? openLastBarTimes : lastBarTimes).get(instrument);
    }

    // Each rule checks everything that can refuse the event before it changes anything.

    private void sessionStarted(SessionStarted started) {
        RuntimeConfig next = started.config();
        List<Strategy> created = createAll(next);
        if (config == null) {
            ledger = ShadowLedger.initial(next.initialCash());
        }
        // A strategy whose memory size changed keeps only as many of its latest closes as it now needs.
        TreeMap<DecisionKey, CloseRing> open = openWindows();
        for (Strategy strategy : created) {
            for (Map.Entry<DecisionKey, CloseRing> entry : open.entrySet()) {
                if (entry.getKey().strategyId().equals(strategy.spec().id())) {
                    entry.setValue(entry.getValue().resized(strategy.memorySize()));
                }
            }
        }
        config = next;
        strategies = created;
        session = SessionProgress.STARTED;
    }

    private void barObserved(Bar bar) {
        requireOpenSession();
        Instant last = lastBarTime(bar.instrument());
        if (last != null && !bar.time().isAfter(last)) {
            throw new IllegalStateException("bar of " + bar.instrument() + " at " + bar.time()
                    + " is not after the last observed bar at " + last + ": bar times only move forward per instrument");
        }
        TreeMap<DecisionKey, CloseRing> open = openWindows();
        for (Strategy strategy : strategies) {
            DecisionKey key = new DecisionKey(strategy.spec().id(), bar.instrument());
            CloseRing kept = open.get(key);
            CloseRing ring = kept == null ? new CloseRing(PriceWindow.empty(strategy.memorySize()))
                    : kept.resized(strategy.memorySize());
            if (ring != kept) {
                open.put(key, ring);
            }
            ring.append(bar.close());
        }
        if (openLastBarTimes == null) {
            openLastBarTimes = new TreeMap<>(lastBarTimes);
        }
        openLastBarTimes.put(bar.instrument(), bar.time());
        newMarks.put(bar.instrument(), bar.close());
        session = session.withBar();
    }

    private void decisionRecorded(DecisionRecorded decision) {
        requireOpenSession();
        StrategySpec spec = configured(decision.strategyId());
        if (spec.version() != decision.strategyVersion()) {
            throw new IllegalStateException("strategy '" + decision.strategyId() + "' runs at version "
                    + spec.version() + ", the decision was made by version " + decision.strategyVersion());
        }
        requireCurrentBar(decision.instrument(), decision.time());
        if (openTracks == null) {
            openTracks = new TreeMap<>(decisions.tracks());
        }
        DecisionKey key = new DecisionKey(decision.strategyId(), decision.instrument());
        openTracks.put(key, DecisionTrack.after(openTracks.get(key), decision));
        session = session.withDecision();
    }

    private void orderRejected(OrderRejected rejected) {
        requireOpenSession();
        configured(rejected.strategyId());
        requireCurrentBar(rejected.instrument(), rejected.time());
        session = session.withRejection();
    }

    private void orderFilled(PaperOrderFilled fill) {
        requireOpenSession();
        configured(fill.strategyId());
        requireCurrentBar(fill.instrument(), fill.time());
        ledger = ledger.apply(fill);
        session = session.withFill();
    }

    private void sessionCompleted() {
        requireOpenSession();
        session = session.closed();
    }

    private void requireOpenSession() {
        if (!session.open()) {
            throw new IllegalStateException(config == null
                    ? "no session has started yet: the log must begin with SessionStarted"
                    : "the session is completed: only a SessionStarted can follow SessionCompleted");
        }
    }

    private StrategySpec configured(String strategyId) {
        for (StrategySpec spec : config.strategies()) {
            if (spec.id().equals(strategyId)) {
                return spec;
            }
        }
        throw new IllegalStateException("strategy '" + strategyId + "' is not configured in this session");
    }

    private void requireCurrentBar(String instrument, Instant time) {
        Instant last = lastBarTime(instrument);
        if (!time.equals(last)) {
            throw new IllegalStateException("it refers to the bar of " + instrument + " at " + time
                    + " but the last observed bar of " + instrument + " is at " + (last == null ? "(none)" : last)
                    + ": decisions and fills follow the MarketBarObserved of their bar");
        }
    }

    private TreeMap<DecisionKey, CloseRing> openWindows() {
        if (openWindows == null) {
            openWindows = new TreeMap<>();
            windows.forEach((key, window) -> openWindows.put(key, new CloseRing(window)));
        }
        return openWindows;
    }

    static List<Strategy> createAll(RuntimeConfig config) {
        List<Strategy> created = new ArrayList<>(config.strategies().size());
        for (StrategySpec spec : config.strategies()) {
            created.add(Strategies.create(spec));
        }
        return List.copyOf(created);
    }
}
