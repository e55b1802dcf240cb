package dev.paperplane.adapters.observer;

import dev.paperplane.adapters.observer.csv.CsvColumns;
import dev.paperplane.adapters.observer.view.DecisionView;
import dev.paperplane.adapters.observer.view.FillView;
import dev.paperplane.adapters.observer.view.OmittedView;
import dev.paperplane.adapters.observer.view.SnapshotView;
import dev.paperplane.application.analytics.EquityPoint;
import dev.paperplane.application.analytics.RoundTrip;
import dev.paperplane.application.audit.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The paginated lists, each with its JSON view and its CSV columns side by side (docs/api.md, "CSV", lists the
 * same columns). A CSV field holds what the JSON property holds: numbers and decimals as written in JSON, times as
 * ISO-8601 instants, a nested object as its compact JSON text, null as an empty field.
 */
final class Listings {
    /** {@code /audit/events}: the records as persisted. */
    static final Listing<AuditRecord> EVENTS = new Listing<>(AuditRecord::seq, Views::event,
            CsvColumns.<AuditRecord>of()
                    .and("seq", r -> Long.toString(r.seq()))
                    .and("type", r -> r.event().type())
                    .and("time", r -> Views.time(r.event().time()))
                    .and("hash", AuditRecord::hash)
                    .and("payload", r -> Payloads.observed(r.payloadJson())),
            (r, bytes) -> Views.omitted(r.seq(), r.event().type(), bytes));

    /** {@code /decisions}. */
    static final Listing<DecisionView> DECISIONS = new Listing<>(DecisionView::seq, d -> d,
            CsvColumns.<DecisionView>of()
                    .and("seq", d -> Long.toString(d.seq()))
                    .and("time", DecisionView::time)
                    .and("strategyId", DecisionView::strategyId)
                    .and("strategyVersion", d -> Integer.toString(d.strategyVersion()))
                    .and("instrument", DecisionView::instrument)
                    .and("action", DecisionView::action)
                    .and("quantity", DecisionView::quantity)
                    .and("reason", DecisionView::reason)
                    .and("indicators", d -> jsonText(d.indicators())),
            (d, bytes) -> Views.omitted(d.seq(), "DecisionRecorded", bytes));

    /** {@code /ledger/fills}. */
    static final Listing<FillView> FILLS = new Listing<>(FillView::seq, f -> f,
            CsvColumns.<FillView>of()
                    .and("seq", f -> Long.toString(f.seq()))
                    .and("time", FillView::time)
                    .and("strategyId", FillView::strategyId)
                    .and("instrument", FillView::instrument)
                    .and("side", FillView::side)
                    .and("quantity", FillView::quantity)
                    .and("price", FillView::price)
                    .and("notional", FillView::notional)
                    .and("fee", FillView::fee),
            (f, bytes) -> Views.omitted(f.seq(), "PaperOrderFilled", bytes));

    /** {@code /snapshots}. */
    static final Listing<SnapshotView> SNAPSHOTS = new Listing<>(SnapshotView::seq, s -> s,
            CsvColumns.<SnapshotView>of()
                    .and("seq", s -> Long.toString(s.seq()))
                    .and("chainHash", SnapshotView::chainHash)
                    .and("schemaVersion", s -> Integer.toString(s.schemaVersion()))
                    .and("checksum", SnapshotView::checksum)
                    .and("sizeBytes", s -> Long.toString(s.sizeBytes()))
                    .and("valid", s -> Boolean.toString(s.valid()))
                    .and("problem", SnapshotView::problem),
            (s, bytes) -> new OmittedView(s.seq(), "Snapshot", true, bytes,
                    ObserverApi.BASE + "/snapshots/" + s.seq()));

    /** {@code /performance/trades}: an item too large is referred to as the one-item page of its own book. */
    static final Listing<RoundTrip> TRADES = new Listing<>(RoundTrip::closeSeq, PerformanceItems::trip,
            CsvColumns.<RoundTrip>of()
                    .and("strategy", RoundTrip::strategy)
                    .and("instrument", RoundTrip::instrument)
                    .and("side", RoundTrip::side)
                    .and("quantity", t -> Views.dec(t.quantity()))
                    .and("openSeq", t -> Long.toString(t.openSeq()))
                    .and("openTime", t -> Views.time(t.openTime()))
                    .and("closeSeq", t -> Long.toString(t.closeSeq()))
                    .and("closeTime", t -> Views.time(t.closeTime()))
                    .and("entryPrice", t -> Views.dec(t.entryPrice()))
                    .and("exitPrice", t -> Views.dec(t.exitPrice()))
                    .and("grossPnl", t -> Views.dec(t.grossPnl()))
                    .and("fees", t -> Views.dec(t.fees()))
                    .and("netPnl", t -> Views.dec(t.netPnl()))
                    .and("holdingSeconds", t -> Long.toString(t.holdingSeconds())),
            (t, bytes) -> new OmittedView(t.closeSeq(), "RoundTrip", true, bytes, ObserverApi.BASE
                    + "/performance/trades" + ObserverApi.query(t.closeSeq() - 1, 1, Map.of(
                    "instrument", Optional.of(t.instrument()), "strategy", Optional.of(t.strategy())))));

    private static final CsvColumns<EquityPoint> EQUITY_COLUMNS = CsvColumns.<EquityPoint>of()
            .and("time", p -> Views.time(p.time()))
            .and("seq", p -> Long.toString(p.seq()))
            .and("equity", p -> Views.dec(p.equity()))
            .and("peak", p -> Views.dec(p.peak()))
            .and("drawdown", p -> Views.dec(p.drawdown()));

    private Listings() {
    }

    /**
     * {@code /performance/equity} at {@code interval}, paged by the points' times in epoch seconds: an item too large
     * is referred to as the one-point page that holds it.
     */
    static Listing<EquityPoint> equity(String interval) {
        return new Listing<>(p -> p.time().getEpochSecond(), PerformanceItems::point, EQUITY_COLUMNS,
                (p, bytes) -> new OmittedView(p.seq(), "EquityPoint", true, bytes, ObserverApi.BASE
                        + "/performance/equity?after=" + Views.time(p.time().minusSeconds(1)) + "&interval="
                        + interval + "&limit=1"));
    }

    private static String jsonText(Object view) {
        return new String(Json.bytes(view), StandardCharsets.UTF_8);
    }
}
