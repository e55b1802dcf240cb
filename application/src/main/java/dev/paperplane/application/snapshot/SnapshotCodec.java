package dev.paperplane.application.snapshot;

import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.decision.DecisionKey;
import dev.paperplane.domain.execution.ExecutionPlane;
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.ledger.Position;
import dev.paperplane.domain.ledger.ShadowLedger;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.risk.RiskLimits;
import dev.paperplane.domain.runtime.DecisionMemory;
import dev.paperplane.domain.runtime.DecisionTrack;
import dev.paperplane.domain.runtime.RuntimeState;
import dev.paperplane.domain.runtime.SessionProgress;
import dev.paperplane.domain.session.RuntimeConfig;
import dev.paperplane.domain.strategy.PriceWindow;
import dev.paperplane.domain.strategy.StrategySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The canonical JSON of a {@link RuntimeState} (schema {@link Snapshot#CURRENT_SCHEMA}): equal states give equal
 * bytes, so a snapshot can be compared byte for byte with a replay.
 */
public final class SnapshotCodec {

    private SnapshotCodec() {
    }

    /** The snapshot of {@code state} at {@code seq} with chain hash {@code chainHash}. */
    public static Snapshot snapshot(long seq, String chainHash, RuntimeState state) {
        return new Snapshot(seq, chainHash, Snapshot.CURRENT_SCHEMA, encode(state));
    }

    /** The canonical state bytes. */
    public static byte[] encode(RuntimeState state) {
        StringBuilder out = new StringBuilder(4096);
        out.append("{\"events\":").append(state.events());
        out.append(",\"config\":").append(state.config().map(AuditCodec::configJson).orElse("null"));
        ShadowLedger ledger = state.ledger();
        out.append(",\"ledger\":{\"cash\":").append(decimal(ledger.cash()))
                .append(",\"realizedPnl\":").append(decimal(ledger.realizedPnl()))
                .append(",\"feesPaid\":").append(decimal(ledger.feesPaid()))
                .append(",\"positions\":{");
        String comma = "";
        for (Map.Entry<String, Position> p : ledger.positions().entrySet()) {
            out.append(comma).append(quote(p.getKey())).append(":{\"quantity\":").append(decimal(p.getValue().quantity()))
                    .append(",\"averageCost\":").append(decimal(p.getValue().averageCost())).append('}');
            comma = ",";
        }
        out.append("},\"marks\":{");
        comma = "";
        for (Map.Entry<String, BigDecimal> m : ledger.marks().entrySet()) {
            out.append(comma).append(quote(m.getKey())).append(':').append(decimal(m.getValue()));
            comma = ",";
        }
        out.append("}},\"decisions\":[");
        comma = "";
        for (Map.Entry<DecisionKey, DecisionTrack> d : state.decisions().tracks().entrySet()) {
            DecisionTrack t = d.getValue();
            out.append(comma).append("{\"strategyId\":").append(quote(d.getKey().strategyId()))
                    .append(",\"instrument\":").append(quote(d.getKey().instrument()))
                    .append(",\"lastBarTime\":").append(quote(t.lastBarTime().toString()))
                    .append(",\"lastAction\":").append(quote(t.lastAction().name()))
                    .append(",\"buys\":").append(t.buys())
                    .append(",\"sells\":").append(t.sells()).append('}');
            comma = ",";
        }
        out.append("],\"windows\":[");
        comma = "";
        for (Map.Entry<DecisionKey, PriceWindow> w : state.windows().entrySet()) {
            out.append(comma).append("{\"strategyId\":").append(quote(w.getKey().strategyId()))
                    .append(",\"instrument\":").append(quote(w.getKey().instrument()))
                    .append(",\"capacity\":").append(w.getValue().capacity())
                    .append(",\"closes\":[");
            String inner = "";
            for (BigDecimal close : w.getValue().closes()) {
                out.append(inner).append(decimal(close));
                inner = ",";
            }
            out.append("]}");
            comma = ",";
        }
        out.append("],\"lastBarTimes\":{");
        comma = "";
        for (Map.Entry<String, Instant> t : state.lastBarTimes().entrySet()) {
            out.append(comma).append(quote(t.getKey())).append(':').append(quote(t.getValue().toString()));
            comma = ",";
        }
        SessionProgress s = state.session();
        out.append("},\"session\":{\"open\":").append(s.open())
                .append(",\"bars\":").append(s.bars())
                .append(",\"decisions\":").append(s.decisions())
                .append(",\"fills\":").append(s.fills())
                .append(",\"rejections\":").append(s.rejections())
                .append("}}");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The state in a snapshot.
     *
     * @throws IllegalArgumentException when the bytes are not a state of the current schema
     */
    public static RuntimeState decode(Snapshot snapshot) {
        if (snapshot.schemaVersion() != Snapshot.CURRENT_SCHEMA) {
            throw new IllegalArgumentException("snapshot schema " + snapshot.schemaVersion()
                    + " is not the supported schema " + Snapshot.CURRENT_SCHEMA);
        }
        Map<String, Object> root = object(JsonText.parse(snapshot.stateText()), "state");
        Object configJson = root.get("config");
        RuntimeConfig config = configJson == null ? null : config(object(configJson, "config"));
        Map<String, Object> ledgerJson = object(root.get("ledger"), "ledger");
        SortedMap<String, Position> positions = new TreeMap<>();
        object(ledgerJson.get("positions"), "positions").forEach((instrument, p) -> {
            Map<String, Object> position = object(p, "position");
            positions.put(instrument, new Position(decimal(position, "quantity"), decimal(position, "averageCost")));
        });
        SortedMap<String, BigDecimal> marks = new TreeMap<>();
        object(ledgerJson.get("marks"), "marks").forEach((instrument, m) -> marks.put(instrument, Decimals.parse(text(m, "mark"))));
        ShadowLedger ledger = ShadowLedger.restore(decimal(ledgerJson, "cash"), positions, decimal(ledgerJson, "realizedPnl"),
                decimal(ledgerJson, "feesPaid"), marks);

        SortedMap<DecisionKey, DecisionTrack> tracks = new TreeMap<>();
        for (Object item : list(root.get("decisions"), "decisions")) {
            Map<String, Object> d = object(item, "decision");
            tracks.put(new DecisionKey(text(d.get("strategyId"), "strategyId"), text(d.get("instrument"), "instrument")),
                    new DecisionTrack(Instant.parse(text(d.get("lastBarTime"), "lastBarTime")),
                            Action.valueOf(text(d.get("lastAction"), "lastAction")), integer(d, "buys"), integer(d, "sells")));
        }
        SortedMap<DecisionKey, PriceWindow> windows = new TreeMap<>();
        for (Object item : list(root.get("windows"), "windows")) {
            Map<String, Object> w = object(item, "window");
            List<BigDecimal> closes = new ArrayList<>();
            for (Object close : list(w.get("closes"), "closes")) {
                closes.add(Decimals.parse(text(close, "close")));
            }
            windows.put(new DecisionKey(text(w.get("strategyId"), "strategyId"), text(w.get("instrument"), "instrument")),
                    new PriceWindow((int) integer(w, "capacity"), closes));
        }
        SortedMap<String, Instant> lastBarTimes = new TreeMap<>();
        object(root.get("lastBarTimes"), "lastBarTimes").forEach((instrument, t) -> lastBarTimes.put(instrument, Instant.parse(text(t, "time"))));
        Map<String, Object> s = object(root.get("session"), "session");
        SessionProgress session = new SessionProgress(Boolean.TRUE.equals(s.get("open")), integer(s, "bars"),
                integer(s, "decisions"), integer(s, "fills"), integer(s, "rejections"));
        return RuntimeState.restore(integer(root, "events"), config, ledger, DecisionMemory.restore(tracks), windows,
                lastBarTimes, session);
    }

    private static RuntimeConfig config(Map<String, Object> c) {
        Map<String, Object> fees = object(c.get("fees"), "fees");
        Map<String, Object> risk = object(c.get("risk"), "risk");
        List<StrategySpec> strategies = new ArrayList<>();
        for (Object item : list(c.get("strategies"), "strategies")) {
            Map<String, Object> s = object(item, "strategy");
            SortedMap<String, String> params = new TreeMap<>();
            object(s.get("params"), "params").forEach((k, v) -> params.put(k, text(v, k)));
            strategies.add(new StrategySpec(text(s.get("id"), "id"), text(s.get("kind"), "kind"), (int) integer(s, "version"), params));
        }
        return new RuntimeConfig(text(c.get("environment"), "environment"), ExecutionPlane.parse(text(c.get("plane"), "plane")),
                decimal(c, "initialCash"), new FeeModel((int) integer(fees, "slippageBps"), (int) integer(fees, "feeBps")),
                new RiskLimits(decimal(risk, "maxPosition"), decimal(risk, "maxOrderNotional"), decimal(risk, "maxShort")),
                strategies);
    }

    private static String decimal(BigDecimal value) {
        return '"' + Decimals.format(value) + '"';
    }

    private static String quote(String text) {
        return AuditCodec.quote(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String name) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("'" + name + "' is not an object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String name) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException("'" + name + "' is not an array");
    }

    private static String text(Object value, String name) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("'" + name + "' is not a string");
    }

    private static BigDecimal decimal(Map<String, Object> map, String name) {
        return Decimals.parse(text(map.get(name), name));
    }

    private static long integer(Map<String, Object> map, String name) {
        if (map.get(name) instanceof Long l) {
            return l;
        }
        throw new IllegalArgumentException("'" + name + "' is not an integer");
    }
}
