package dev.paperplane.domain.runtime;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.decision.DecisionKey;
import dev.paperplane.domain.ledger.Position;
import dev.paperplane.domain.ledger.ShadowLedger;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.session.RuntimeConfig;
import dev.paperplane.domain.strategy.PriceWindow;
import dev.paperplane.domain.strategy.Strategy;
import dev.paperplane.domain.strategy.StrategySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole runtime state: a left fold of the audit events. Immutable with value equality;
 * {@link #apply(AuditEvent)} is the only way it changes.
 */
public final class RuntimeState {
    /** The state before any event. */
    public static final RuntimeState EMPTY = new RuntimeState(0, null, List.of(), ShadowLedger.initial(Decimals.ZERO),
            DecisionMemory.empty(), Collections.emptySortedMap(), Collections.emptySortedMap(), SessionProgress.NONE);

    private static final String CANONICAL_VERSION = "paperplane-state/1";

    private final long events;
    private final RuntimeConfig config;
    private final List<Strategy> strategies;
    private final ShadowLedger ledger;
    private final DecisionMemory decisions;
    private final SortedMap<DecisionKey, PriceWindow> windows;
    private final SortedMap<String, Instant> lastBarTimes;
    private final SessionProgress session;

    RuntimeState(long events, RuntimeConfig config, List<Strategy> strategies, ShadowLedger ledger,
                 DecisionMemory decisions, SortedMap<DecisionKey, PriceWindow> windows,
                 SortedMap<String, Instant> lastBarTimes, SessionProgress session) {
        this.events = events;
        this.config = config;
        this.strategies = strategies;
        this.ledger = ledger;
        this.decisions = decisions;
        this.windows = windows;
        this.lastBarTimes = lastBarTimes;
        this.session = session;
    }

    /**
     * Rebuilds a state from its parts, e.g. from a snapshot; the strategies are recreated from the configuration.
     *
     * @param configOrNull the configuration of the last session, {@code null} if no session ever started
     * @throws IllegalArgumentException if the parts contradict each other or the configuration names an unknown
     *                                  strategy
     */
    public static RuntimeState restore(long events, RuntimeConfig configOrNull, ShadowLedger ledger,
                                       DecisionMemory decisions, SortedMap<DecisionKey, PriceWindow> windows,
                                       SortedMap<String, Instant> lastBarTimes, SessionProgress session) {
        if (events < 0) {
            throw new IllegalArgumentException("events folded must not be negative, was " + events);
        }
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(session, "session");
        if (configOrNull == null && session.open()) {
            throw new IllegalArgumentException("an open session needs the configuration it runs under");
        }
        TreeMap<DecisionKey, PriceWindow> windowCopy = new TreeMap<>();
        windows.forEach((key, window) -> windowCopy.put(Objects.requireNonNull(key, "window key"),
                Objects.requireNonNull(window, "window")));
        TreeMap<String, Instant> timesCopy = new TreeMap<>();
        lastBarTimes.forEach((instrument, time) -> timesCopy.put(Objects.requireNonNull(instrument, "instrument"),
                Objects.requireNonNull(time, "lastBarTime")));
        List<Strategy> strategies = configOrNull == null ? List.of() : StateFold.createAll(configOrNull);
        return new RuntimeState(events, configOrNull, strategies, ledger, decisions,
                Collections.unmodifiableSortedMap(windowCopy), Collections.unmodifiableSortedMap(timesCopy), session);
    }

    /**
     * The state after one more event.
     *
     * @throws IllegalStateException if the event cannot follow this state, e.g. a bar before any session
     */
    public RuntimeState apply(AuditEvent event) {
        return fold().apply(event).state();
    }

    /** A fold starting from this state, for applying many events at the cost of building one state. */
    public StateFold fold() {
        return new StateFold(this);
    }

    /** How many events were folded into this state. */
    public long events() {
        return events;
    }

    /** The configuration of the current or last session, empty before the first session. */
    public Optional<RuntimeConfig> config() {
        return Optional.ofNullable(config);
    }

    /** The configured strategies, in the order they are consulted on every bar. */
    public List<Strategy> strategies() {
        return strategies;
    }

    /** The paper account. */
    public ShadowLedger ledger() {
        return ledger;
    }

    /** The decisions recorded so far. */
    public DecisionMemory decisions() {
        return decisions;
    }

    /** Each strategy's memory of closes, per strategy and instrument. */
    public SortedMap<DecisionKey, PriceWindow> windows() {
        return windows;
    }

    /** Time of the last observed bar per instrument. */
    public SortedMap<String, Instant> lastBarTimes() {
        return lastBarTimes;
    }

    /** Time of the last observed bar of one instrument, empty if none was observed. */
    public Optional<Instant> lastBarTime(String instrument) {
        return Optional.ofNullable(lastBarTimes.get(instrument));
    }

    /** Counters of the current or last session. */
    public SessionProgress session() {
        return session;
    }

    /**
     * A canonical, locale-independent text of the whole state: one {@code name=value} line per fact, maps in key
     * order, decimals in {@link Decimals#format} form, instants in ISO-8601, free text length-prefixed.
     */
    public String canonicalText() {
        StringBuilder out = new StringBuilder(1024);
        line(out, "format", CANONICAL_VERSION);
        line(out, "events", Long.toString(events));
        if (config == null) {
            line(out, "config", "none");
        } else {
            line(out, "config.environment", text(config.environment()));
            line(out, "config.plane", config.plane().name());
            line(out, "config.initialCash", Decimals.format(config.initialCash()));
            line(out, "config.fees.slippageBps", Integer.toString(config.fees().slippageBps()));
            line(out, "config.fees.feeBps", Integer.toString(config.fees().feeBps()));
            line(out, "config.risk.maxPosition", Decimals.format(config.risk().maxPosition()));
            line(out, "config.risk.maxOrderNotional", Decimals.format(config.risk().maxOrderNotional()));
            line(out, "config.risk.maxShort", Decimals.format(config.risk().maxShort()));
            int index = 0;
            for (StrategySpec spec : config.strategies()) {
                String prefix = "config.strategy." + index++;
                line(out, prefix + ".id", spec.id());
                line(out, prefix + ".kind", text(spec.kind()));
                line(out, prefix + ".version", Integer.toString(spec.version()));
                spec.params().forEach((name, value) -> line(out, prefix + ".param." + text(name), text(value)));
            }
        }
        line(out, "ledger.cash", Decimals.format(ledger.cash()));
        line(out, "ledger.realizedPnl", Decimals.format(ledger.realizedPnl()));
        line(out, "ledger.feesPaid", Decimals.format(ledger.feesPaid()));
        for (Map.Entry<String, Position> entry : ledger.positions().entrySet()) {
            line(out, "ledger.position." + entry.getKey(), Decimals.format(entry.getValue().quantity()) + " @ "
                    + Decimals.format(entry.getValue().averageCost()));
        }
        ledger.marks().forEach((instrument, mark) -> line(out, "ledger.mark." + instrument, Decimals.format(mark)));
        for (Map.Entry<DecisionKey, DecisionTrack> entry : decisions.tracks().entrySet()) {
            DecisionTrack track = entry.getValue();
            line(out, "decision." + key(entry.getKey()), track.lastBarTime() + " " + track.lastAction().name()
                    + " buys=" + track.buys() + " sells=" + track.sells());
        }
        for (Map.Entry<DecisionKey, PriceWindow> entry : windows.entrySet()) {
            StringBuilder closes = new StringBuilder();
            for (BigDecimal close : entry.getValue().closes()) {
                closes.append(' ').append(Decimals.format(close));
            }
            line(out, "window." + key(entry.getKey()), "capacity=" + entry.getValue().capacity() + closes);
        }
        lastBarTimes.forEach((instrument, time) -> line(out, "lastBar." + instrument, time.toString()));
        line(out, "session", "open=" + session.open() + " bars=" + session.bars() + " decisions="
                + session.decisions() + " fills=" + session.fills() + " rejections=" + session.rejections());
        return out.toString();
    }

    /** SHA-256 (lowercase hex) of {@link #canonicalText()} in UTF-8: equal states have equal digests on any JVM. */
    public String digest() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonicalText().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(name).append('=').append(value).append('\n');
    }

    private static String key(DecisionKey key) {
        return key.strategyId() + "/" + key.instrument();
    }

    private static String text(String value) {
        return value.length() + ":" + value;
    }

    @Override
    public boolean equals(Object other) {
        // Strategies are derived from the configuration, so they need no comparison of their own.
        return other instanceof RuntimeState that
                && events == that.events
                && Objects.equals(config, that.config)
                && ledger.equals(that.ledger)
                && decisions.equals(that.decisions)
                && windows.equals(that.windows)
                && lastBarTimes.equals(that.lastBarTimes)
                && session.equals(that.session);
    }

    @Override
    public int hashCode() {
        return Objects.hash(events, config, ledger, decisions, windows, lastBarTimes, session);
    }

    @Override
    public String toString() {
        return "RuntimeState[events=" + events + ", session=" + session + ", ledger=" + ledger + "]";
    }
}
