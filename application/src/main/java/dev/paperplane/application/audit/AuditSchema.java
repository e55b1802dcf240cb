package dev.paperplane.application.audit;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.risk.RiskRule;
import dev.paperplane.domain.session.FeedIdentity;
import dev.paperplane.domain.session.RuntimeConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The payload of every audit event type, each written and read side by side: its fields in their fixed order
 * and how they become the domain event again. A record's type name selects its entry, when writing and when
 * reading. Adding an event type adds one entry here (besides its record in the domain and its step in
 * {@code StateFold}); the line's frame, the JSON tokens and the observer know no event type.
 */
final class AuditSchema {
    private static final Action[] ACTIONS = Action.values();
    private static final RiskRule[] RULES = RiskRule.values();

    private static final EventType<?>[] TYPES = {
            new EventType<>(SessionStarted.class, AuditSchema::writeSessionStarted, AuditSchema::readSessionStarted),
            new EventType<>(MarketBarObserved.class, AuditSchema::writeBar, AuditSchema::readBar),
            new EventType<>(DecisionRecorded.class, AuditSchema::writeDecision, AuditSchema::readDecision),
            new EventType<>(OrderRejected.class, AuditSchema::writeRejection, AuditSchema::readRejection),
            new EventType<>(PaperOrderFilled.class, AuditSchema::writeFill, AuditSchema::readFill),
            new EventType<>(SessionCompleted.class, AuditSchema::writeSessionCompleted,
                    AuditSchema::readSessionCompleted)};
    private static final Map<String, EventType<?>> BY_NAME = Arrays.stream(TYPES)
            .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private AuditSchema() {
    }

    /** Reads a record's quoted type name at the cursor. */
    static EventType<?> readType(CanonicalJsonReader in) {
        return in.oneOf(TYPES, EventType::name, "type", "record type");
    }

    /** Writes {@code event}'s payload object. */
    static void writePayload(AuditEvent event, CanonicalJsonWriter out) {
        EventType<?> type = BY_NAME.get(event.type());
        if (type == null) {
            throw new IllegalStateException("event type " + event.type() + " has no entry in AuditSchema");
        }
        type.write(event, out);
    }

    /** The names of the event types the schema knows. */
    static Set<String> names() {
        return BY_NAME.keySet();
    }

    /**
     * One event type: its name in the log (the domain record's simple name, as {@link AuditEvent#type()}), how its
     * payload is written, and how it is read back.
     */
    record EventType<E extends AuditEvent>(Class<E> eventClass, String name, PayloadWriter<E> writer,
                                           PayloadReader<E> reader) {
        EventType(Class<E> eventClass, PayloadWriter<E> writer, PayloadReader<E> reader) {
            this(eventClass, eventClass.getSimpleName(), writer, reader);
        }

        void write(AuditEvent event, CanonicalJsonWriter out) {
            writer.write(eventClass.cast(event), out);
        }

        /** Reads the payload object at the cursor as this type's event at {@code time}. */
        AuditEvent read(Instant time, CanonicalJsonReader in) {
            return reader.read(time, in);
        }
    }

    /** Writes one event type's payload object. */
    @FunctionalInterface
    interface PayloadWriter<E> {
        void write(E event, CanonicalJsonWriter out);
    }

    /** Reads one event type's payload object; the record's time is read before it. */
    @FunctionalInterface
    interface PayloadReader<E> {
        E read(Instant time, CanonicalJsonReader in);
    }

    // ---- SessionStarted ----

    private static void writeSessionStarted(SessionStarted e, CanonicalJsonWriter out) {
        out.raw("{\"fingerprint\":").string(e.fingerprint());
        out.raw(",\"config\":");
        ConfigSchema.write(e.config(), out);
        out.raw(",\"feed\":{\"name\":").string(e.feed().name());
        out.raw(",\"sha256\":").string(e.feed().sha256());
        out.raw("}}");
    }

    private static SessionStarted readSessionStarted(Instant time, CanonicalJsonReader in) {
        in.expect("{\"fingerprint\":");
        int fingerprintAt = in.position();
        String fingerprint = in.string();
        in.expect(",\"config\":");
        int configAt = in.position();
        RuntimeConfig config = ConfigSchema.read(in);
        // the fingerprint is defined as the SHA-256 of these very bytes (docs/data-formats.md)
        String actual = in.sha256Since(configAt);
        if (!actual.equals(fingerprint)) {
            throw in.failAt("the SessionStarted fingerprint " + fingerprint + " is not the SHA-256 of its config,"
                    + " which hashes to " + actual, fingerprintAt);
        }
        in.expect(",\"feed\":{\"name\":");
        String name = in.string();
        in.expect(",\"sha256\":");
        String sha256 = in.string();
        in.expect("}}");
        return new SessionStarted(time, fingerprint, config, new FeedIdentity(name, sha256));
    }

    // ---- MarketBarObserved ----

    private static void writeBar(MarketBarObserved e, CanonicalJsonWriter out) {
        Bar bar = e.bar();
        out.raw("{\"instrument\":").string(bar.instrument());
        out.decimalField("open", bar.open());
        out.decimalField("high", bar.high());
        out.decimalField("low", bar.low());
        out.decimalField("close", bar.close());
        out.decimalField("volume", bar.volume());
        out.raw("}");
    }

    private static MarketBarObserved readBar(Instant time, CanonicalJsonReader in) {
        in.expect("{\"instrument\":");
        String instrument = in.string();
        in.expect(",\"open\":");
        BigDecimal open = in.decimal();
        in.expect(",\"high\":");
        BigDecimal high = in.decimal();
        in.expect(",\"low\":");
        BigDecimal low = in.decimal();
        in.expect(",\"close\":");
        BigDecimal close = in.decimal();
        in.expect(",\"volume\":");
        BigDecimal volume = in.decimal();
        in.expect("}");
        return new MarketBarObserved(new Bar(time, instrument, open, high, low, close, volume));
    }

    // ---- DecisionRecorded ----

    private static void writeDecision(DecisionRecorded e, CanonicalJsonWriter out) {
        out.raw("{\"strategyId\":").string(e.strategyId());
        out.raw(",\"strategyVersion\":").number(e.strategyVersion());
        out.raw(",\"instrument\":").string(e.instrument());
        out.raw(",\"action\":").string(e.action().name());
        out.decimalField("quantity", e.quantity());
        out.raw(",\"reason\":").string(e.reason());
        out.raw(",\"indicators\":{")
                .sortedEntries(e.indicators(), (name, value) -> out.decimal("indicators." + name, value))
                .raw("}}");
    }

    private static DecisionRecorded readDecision(Instant time, CanonicalJsonReader in) {
        in.expect("{\"strategyId\":");
        String strategyId = in.string();
        in.expect(",\"strategyVersion\":");
        int version = in.signedInt("strategyVersion");
        in.expect(",\"instrument\":");
        String instrument = in.string();
        in.expect(",\"action\":");
        Action action = in.enumValue(ACTIONS, "action");
        in.expect(",\"quantity\":");
        BigDecimal quantity = in.decimal();
        in.expect(",\"reason\":");
        String reason = in.string();
        in.expect(",\"indicators\":{");
        SortedMap<String, BigDecimal> indicators = in.sortedEntries("indicators", in::decimal);
        in.expect("}}");
        return new DecisionRecorded(time, strategyId, version, instrument, action, quantity, reason, indicators);
    }

    // ---- the order an OrderRejected and a PaperOrderFilled begin with ----

    /** The fields a rejection and a fill share, in their order. */
    private record Order(String strategyId, String instrument, Action side, BigDecimal quantity, BigDecimal price) {
    }

    private static void writeOrder(String strategyId, String instrument, Action side, BigDecimal quantity,
                                   BigDecimal price, CanonicalJsonWriter out) {
        out.raw("{\"strategyId\":").string(strategyId);
        out.raw(",\"instrument\":").string(instrument);
        out.raw(",\"side\":").string(side.name());
        out.decimalField("quantity", quantity);
        out.decimalField("price", price);
    }

    private static Order readOrder(CanonicalJsonReader in) {
        in.expect("{\"strategyId\":");
        String strategyId = in.string();
        in.expect(",\"instrument\":");
        String instrument = in.string();
        in.expect(",\"side\":");
        Action side = in.enumValue(ACTIONS, "side");
        in.expect(",\"quantity\":");
        BigDecimal quantity = in.decimal();
        in.expect(",\"price\":");
        BigDecimal price = in.decimal();
        return new Order(strategyId, instrument, side, quantity, price);
    }

    // ---- OrderRejected ----

    private static void writeRejection(OrderRejected e, CanonicalJsonWriter out) {
        writeOrder(e.strategyId(), e.instrument(), e.side(), e.quantity(), e.price(), out);
        out.raw(",\"rule\":").string(e.rule().name());
        out.decimalField("limit", e.limit());
        out.decimalField("attempted", e.attempted());
        out.raw("}");
    }

    private static OrderRejected readRejection(Instant time, CanonicalJsonReader in) {
        Order order = readOrder(in);
        in.expect(",\"rule\":");
        RiskRule rule = in.enumValue(RULES, "rule");
        in.expect(",\"limit\":");
        BigDecimal limit = in.decimal();
        in.expect(",\"attempted\":");
        BigDecimal attempted = in.decimal();
        in.expect("}");
        return new OrderRejected(time, order.strategyId(), order.instrument(), order.side(), order.quantity(),
                order.price(), rule, limit, attempted);
    }

    // ---- PaperOrderFilled ----

    private static void writeFill(PaperOrderFilled e, CanonicalJsonWriter out) {
        writeOrder(e.strategyId(), e.instrument(), e.side(), e.quantity(), e.price(), out);
        out.decimalField("notional", e.notional());
        out.decimalField("fee", e.fee());
        out.raw("}");
    }

    private static PaperOrderFilled readFill(Instant time, CanonicalJsonReader in) {
        Order order = readOrder(in);
        in.expect(",\"notional\":");
        BigDecimal notional = in.decimal();
        in.expect(",\"fee\":");
        BigDecimal fee = in.decimal();
        in.expect("}");
        return new PaperOrderFilled(time, order.strategyId(), order.instrument(), order.side(), order.quantity(),
                order.price(), notional, fee);
    }

    // ---- SessionCompleted ----

    private static void writeSessionCompleted(SessionCompleted e, CanonicalJsonWriter out) {
        out.raw("{\"bars\":").number(e.bars());
        out.raw(",\"decisions\":").number(e.decisions());
        out.raw(",\"fills\":").number(e.fills());
        out.raw(",\"rejections\":").number(e.rejections());
        out.decimalField("equity", e.equity());
        out.raw("}");
    }

    private static SessionCompleted readSessionCompleted(Instant time, CanonicalJsonReader in) {
        in.expect("{\"bars\":");
        long bars = in.signedLong("bars");
        in.expect(",\"decisions\":");
        long decisions = in.signedLong("decisions");
        in.expect(",\"fills\":");
        long fills = in.signedLong("fills");
        in.expect(",\"rejections\":");
        long rejections = in.signedLong("rejections");
        in.expect(",\"equity\":");
        BigDecimal equity = in.decimal();
        in.expect("}");
        return new SessionCompleted(time, bars, decisions, fills, rejections, equity);
    }
}
