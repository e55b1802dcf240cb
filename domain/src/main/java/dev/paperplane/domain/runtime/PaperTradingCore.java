package dev.paperplane.domain.runtime;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.decision.DecisionKey;
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.execution.PaperExecution;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.risk.Breach;
import dev.paperplane.domain.session.RuntimeConfig;
import dev.paperplane.domain.strategy.Signal;
import dev.paperplane.domain.strategy.Strategy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The paper-trading step: turns one bar into the audit events it causes. A pure function of the state and the
 * bar; the caller appends the events and folds them, so replaying the log reproduces the state exactly.
 */
public final class PaperTradingCore {
    private PaperTradingCore() {
    }

    /**
     * The events one bar causes: {@code MarketBarObserved}, then per strategy in configuration order a
     * {@code DecisionRecorded} for each BUY or SELL followed by its {@code OrderRejected} or
     * {@code PaperOrderFilled}. A bar at or before the instrument's last observed bar was already processed and
     * yields no events, which makes re-feeding bars after a restart exactly-once.
     *
     * @throws IllegalStateException if no session is open
     */
    public static List<AuditEvent> step(RuntimeState state, Bar bar) {
        return step(state.fold(), bar);
    }

    /**
     * {@link #step(RuntimeState, Bar)} on a fold: the events are folded into {@code fold} as they are made, so a
     * session stepping many bars builds no state per event.
     *
     * @throws IllegalStateException if no session is open
     */
    public static List<AuditEvent> step(StateFold fold, Bar bar) {
        Objects.requireNonNull(bar, "bar");
        if (!fold.sessionOpen()) {
            throw notOpen("step a bar");
        }
        Instant last = fold.lastBarTime(bar.instrument());
        if (last != null && !bar.time().isAfter(last)) {
            return List.of();
        }
        RuntimeConfig config = fold.config();
        FeeModel fees = config.fees();
        List<AuditEvent> events = new ArrayList<>();
        fold(fold, new MarketBarObserved(bar), events);
        for (Strategy strategy : fold.strategies()) {
            String id = strategy.spec().id();
            Signal signal = strategy.decide(fold.closes(new DecisionKey(id, bar.instrument())), bar);
            if (signal.action() == Action.HOLD) {
                continue;
            }
            fold(fold, new DecisionRecorded(bar.time(), id, strategy.spec().version(), bar.instrument(),
                    signal.action(), signal.quantity(), signal.reason(), signal.indicators()), events);
            BigDecimal price = PaperExecution.fillPrice(signal.action(), bar.close(), fees);
            BigDecimal notional = PaperExecution.notional(signal.quantity(), price);
            BigDecimal fee = PaperExecution.fee(notional, fees);
            Optional<Breach> breach = RiskCheck.check(config.risk(), fold.ledger(), bar.instrument(),
                    signal.action(), signal.quantity(), price, fee);
            AuditEvent outcome = breach.<AuditEvent>map(b -> new OrderRejected(bar.time(), id, bar.instrument(),
                            signal.action(), signal.quantity(), price, b.rule(), b.limit(), b.attempted()))
                    .orElseGet(() -> new PaperOrderFilled(bar.time(), id, bar.instrument(), signal.action(),
                            signal.quantity(), price, notional, fee));
            fold(fold, outcome, events);
        }
        return List.copyOf(events);
    }

    /**
     * The event that completes the open session, carrying its counters and the ledger's equity at the last marks.
     *
     * @param time time of the session's last bar
     * @throws IllegalStateException if no session is open
     */
    public static SessionCompleted complete(RuntimeState state, Instant time) {
        if (!state.session().open()) {
            throw notOpen("complete the session");
        }
        SessionProgress session = state.session();
        return new SessionCompleted(time, session.bars(), session.decisions(), session.fills(), session.rejections(),
                state.ledger().equity());
    }

    private static void fold(StateFold fold, AuditEvent event, List<AuditEvent> events) {
        fold.apply(event);
        events.add(event);
    }

    private static IllegalStateException notOpen(String what) {
        return new IllegalStateException("cannot " + what + ": no session is open (a SessionStarted must come first,"
                + " and none may follow SessionCompleted until the next SessionStarted)");
    }
}
