package dev.paperplane.adapters.observer;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.domain.num.Decimals;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;

/** An event's payload as a JSON object, fields in the order of the persisted record. */
final class Payloads {
    private Payloads() {
    }

    static JsonObject of(AuditEvent event) {
        JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
        switch (event) {
            case SessionStarted s -> b.add("fingerprint", s.fingerprint()).add("config", "").add("feed", "");
            case MarketBarObserved m -> b.add("instrument", m.bar().instrument()).add("close", dec(m.bar().close()));
            case DecisionRecorded d -> b.add("strategyId", d.strategyId()).add("instrument", d.instrument())
                    .add("action", d.action().name()).add("quantity", dec(d.quantity()));
            case OrderRejected r -> b.add("strategyId", r.strategyId()).add("rule", r.rule().name());
            case PaperOrderFilled f -> b.add("strategyId", f.strategyId()).add("instrument", f.instrument())
                    .add("side", f.side().name()).add("quantity", dec(f.quantity())).add("price", dec(f.price()));
            case SessionCompleted c -> b.add("bars", c.bars()).add("equity", dec(c.equity()));
        }
        return b.build();
    }

    private static String dec(BigDecimal value) {
        return Decimals.format(value);
    }
}
