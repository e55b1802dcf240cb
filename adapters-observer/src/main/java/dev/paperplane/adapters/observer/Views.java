package dev.paperplane.adapters.observer;

import dev.paperplane.adapters.observer.view.ActionCountsView;
import dev.paperplane.adapters.observer.view.ConfigView;
import dev.paperplane.adapters.observer.view.DecisionSummaryView;
import dev.paperplane.adapters.observer.view.DecisionView;
import dev.paperplane.adapters.observer.view.EventView;
import dev.paperplane.adapters.observer.view.FeedView;
import dev.paperplane.adapters.observer.view.FeesView;
import dev.paperplane.adapters.observer.view.FillView;
import dev.paperplane.adapters.observer.view.LedgerView;
import dev.paperplane.adapters.observer.view.OmittedView;
import dev.paperplane.adapters.observer.view.PositionView;
import dev.paperplane.adapters.observer.view.RiskView;
import dev.paperplane.adapters.observer.view.SessionView;
import dev.paperplane.adapters.observer.view.StrategyView;
import dev.paperplane.adapters.observer.view.TrackView;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.decision.DecisionKey;
import dev.paperplane.domain.ledger.ShadowLedger;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.runtime.DecisionTrack;
import dev.paperplane.domain.session.RuntimeConfig;
import dev.paperplane.domain.strategy.StrategySpec;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** How stored records and replayed state become the observer's views: one function per view, no state. */
final class Views {
    private Views() {
    }

    /** A record's view, encoded: its stored payload spliced in, not encoded again. */
    static Object event(AuditRecord r) {
        return Payloads.splice(Json.bytes(new EventView(r.seq(), r.event().type(), time(r.event().time()),
                JsonValue.EMPTY_JSON_OBJECT, r.hash())), r.payloadJson());
    }

    /** The reference to the record at {@code seq}, of event type {@code type}, whose view takes {@code bytes}. */
    static OmittedView omitted(long seq, String type, long bytes) {
        return new OmittedView(seq, type, true, bytes, ObserverApi.BASE + "/audit/events/" + seq);
    }

    static DecisionView decision(AuditRecord r) {
        DecisionRecorded d = (DecisionRecorded) r.event();
        SortedMap<String, String> indicators = new TreeMap<>();
        d.indicators().forEach((k, v) -> indicators.put(k, dec(v)));
        return new DecisionView(r.seq(), time(d.time()), d.strategyId(), d.strategyVersion(), d.instrument(),
                d.action().name(), dec(d.quantity()), d.reason(), indicators);
    }

    static FillView fill(AuditRecord r) {
        PaperOrderFilled f = (PaperOrderFilled) r.event();
        return new FillView(r.seq(), time(f.time()), f.strategyId(), f.instrument(), f.side().name(),
                dec(f.quantity()), dec(f.price()), dec(f.notional()), dec(f.fee()));
    }

    static SessionView session(AuditRecord r) {
        SessionStarted s = (SessionStarted) r.event();
        RuntimeConfig c = s.config();
        List<StrategyView> strategies = c.strategies().stream().map(Views::strategy).toList();
        ConfigView config = new ConfigView(c.environment(), c.plane().name(), dec(c.initialCash()),
                new FeesView(c.fees().slippageBps(), c.fees().feeBps()),
                new RiskView(dec(c.risk().maxPosition()), dec(c.risk().maxOrderNotional()), dec(c.risk().maxShort())),
                strategies);
        return new SessionView(r.seq(), time(s.time()), s.fingerprint(), config,
                new FeedView(s.feed().name(), s.feed().sha256()));
    }

    static LedgerView ledger(ReplayedState replayed) {
        ShadowLedger ledger = replayed.state().ledger();
        SortedMap<String, PositionView> positions = new TreeMap<>();
        ledger.positions().forEach((instrument, p) -> positions.put(instrument, new PositionView(dec(p.quantity()),
                dec(p.averageCost()), Optional.ofNullable(ledger.marks().get(instrument)).map(Views::dec)
                .orElse(null))));
        SortedMap<String, String> marks = new TreeMap<>();
        ledger.marks().forEach((instrument, mark) -> marks.put(instrument, dec(mark)));
        return new LedgerView(replayed.seq(), replayed.head().hash(), dec(ledger.cash()), positions,
                dec(ledger.realizedPnl()), dec(ledger.unrealizedPnl()), dec(ledger.feesPaid()), dec(ledger.equity()),
                marks);
    }

    static DecisionSummaryView decisionSummary(ReplayedState replayed) {
        SortedMap<String, long[]> byStrategy = new TreeMap<>();
        SortedMap<String, long[]> byInstrument = new TreeMap<>();
        long buys = 0;
        long sells = 0;
        List<TrackView> tracks = new ArrayList<>();
        for (Map.Entry<DecisionKey, DecisionTrack> e : replayed.state().decisions().tracks().entrySet()) {
            DecisionKey key = e.getKey();
            DecisionTrack track = e.getValue();
            add(byStrategy, key.strategyId(), track);
            add(byInstrument, key.instrument(), track);
            buys += track.buys();
            sells += track.sells();
            tracks.add(new TrackView(key.strategyId(), key.instrument(), track.buys(), track.sells(),
                    track.lastAction().name(), time(track.lastBarTime())));
        }
        SortedMap<String, Long> byAction = new TreeMap<>();
        byAction.put(Action.BUY.name(), buys);
        byAction.put(Action.SELL.name(), sells);
        return new DecisionSummaryView(replayed.seq(), buys + sells, counts(byStrategy), counts(byInstrument),
                byAction, tracks);
    }

    static void add(SortedMap<String, long[]> counts, String key, DecisionTrack track) {
        long[] c = counts.computeIfAbsent(key, k -> new long[2]);
        c[0] += track.buys();
        c[1] += track.sells();
    }

    static SortedMap<String, ActionCountsView> counts(SortedMap<String, long[]> counts) {
        SortedMap<String, ActionCountsView> views = new TreeMap<>();
        counts.forEach((k, c) -> views.put(k, new ActionCountsView(c[0], c[1], c[0] + c[1])));
        return views;
    }

    static StrategyView strategy(StrategySpec spec) {
        return new StrategyView(spec.id(), spec.kind(), spec.version(), new TreeMap<>(spec.params()));
    }

    static String dec(BigDecimal value) {
        return Decimals.format(value);
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
