package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.observer.view.EventView;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ConfigFingerprint;
import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.session.FeedIdentity;
import dev.paperplane.domain.session.RuntimeConfig;
import dev.paperplane.domain.strategy.StrategySpec;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PayloadsTest {
    /** Every character JSON must escape, escapes written as text, and characters beyond ASCII. */
    private static final String HOSTILE;

    static {
        StringBuilder s = new StringBuilder("q\"uote\\ back\\u000a-as-text \\\\u0009 é € \u007f \u2028 \uD83D\uDE00 ");
        for (char c = 0; c < 0x20; c++) {
            s.append(c).append('|');
        }
        HOSTILE = s.toString();
    }

    static Stream<AuditEvent> events() {
        TreeMap<String, BigDecimal> indicators = new TreeMap<>();
        indicators.put(HOSTILE, SampleEvents.d("1"));
        indicators.put("line\nbreak", SampleEvents.d("-2.5"));
        TreeMap<String, String> params = new TreeMap<>();
        params.put(HOSTILE, HOSTILE);
        RuntimeConfig base = SampleEvents.config();
        List<StrategySpec> strategies = new ArrayList<>(base.strategies());
        strategies.add(new StrategySpec("hostile", "ma-crossover", 3, params));
        RuntimeConfig config = new RuntimeConfig("env\fx\b", base.plane(), base.initialCash(), base.fees(),
                base.risk(), strategies);
        return Stream.concat(SampleEvents.oneOfEach().stream(), Stream.of(
                new DecisionRecorded(SampleEvents.T0, "s", 1, "ACME", Action.BUY, SampleEvents.d("1"), HOSTILE,
                        indicators),
                new SessionStarted(SampleEvents.T0, ConfigFingerprint.of(config), config,
                        new FeedIdentity(HOSTILE, "ab".repeat(32)))));
    }

    /** What the observer answered before it kept stored payloads: the payload parsed and encoded with its view. */
    private static byte[] parsedAndEncoded(AuditRecord r) {
        JsonObject payload;
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(r.payloadJson()))) {
            payload = reader.readObject();
        }
        return Json.bytes(new EventView(r.seq(), r.event().type(), r.event().time().toString(), payload, r.hash()));
    }

    @ParameterizedTest
    @MethodSource("events")
    void anEventWithItsStoredPayloadSplicedInIsTheSameBytesAsParsingAndEncodingThePayload(AuditEvent event) {
        AuditRecord record = new InMemoryStore().append(event).getFirst();

        byte[] spliced = Json.bytes(Views.event(record));

        assertThat(new String(spliced, StandardCharsets.UTF_8))
                .isEqualTo(new String(parsedAndEncoded(record), StandardCharsets.UTF_8));
    }
}
