package dev.paperplane.domain.runtime;

import static dev.paperplane.domain.Fixtures.bar;
import static dev.paperplane.domain.Fixtures.config;
import static dev.paperplane.domain.Fixtures.generatedSeries;
import static dev.paperplane.domain.Fixtures.generousLimits;
import static dev.paperplane.domain.Fixtures.maCrossover;
import static dev.paperplane.domain.Fixtures.meanReversion;
import static dev.paperplane.domain.Fixtures.propertyConfig;
import static dev.paperplane.domain.Fixtures.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.session.RuntimeConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateFoldTest {
    /** Two sessions over generated bars; the second changes both strategies' memory sizes. */
    private static final List<AuditEvent> EVENTS = twoSessions(generatedSeries(120));

    private static List<AuditEvent> twoSessions(List<Bar> bars) {
        List<AuditEvent> events = new ArrayList<>();
        RuntimeState state = RuntimeState.EMPTY;
        RuntimeConfig resized = config("100000", new FeeModel(5, 10), generousLimits(),
                maCrossover("cross", 2, 7, "3"), meanReversion("band", 9, "1.5", "2"));
        int half = bars.size() / 2;
        List<List<Bar>> parts = List.of(bars.subList(0, half), bars.subList(half, bars.size()));
        List<RuntimeConfig> configs = List.of(propertyConfig(), resized);
        for (int session = 0; session < 2; session++) {
            List<Bar> part = parts.get(session);
            state = oneByOne(state, events, List.of(started(configs.get(session), part.getFirst().time())));
            for (Bar bar : part) {
                state = oneByOne(state, events, PaperTradingCore.step(state, bar));
            }
            state = oneByOne(state, events, List.of(PaperTradingCore.complete(state, part.getLast().time())));
        }
        return List.copyOf(events);
    }

    private static RuntimeState oneByOne(RuntimeState state, List<AuditEvent> log, List<AuditEvent> events) {
        RuntimeState current = state;
        for (AuditEvent event : events) {
            log.add(event);
            current = current.apply(event);
        }
        return current;
    }

    private static RuntimeState oneByOne(List<AuditEvent> events) {
        return oneByOne(RuntimeState.EMPTY, new ArrayList<>(), events);
    }

    @Test
    void foldingEveryEventInPlaceGivesTheStateOfApplyingThemOneByOne() {
        StateFold fold = RuntimeState.EMPTY.fold();
        EVENTS.forEach(fold::apply);

        RuntimeState expected = oneByOne(EVENTS);
        assertThat(fold.state()).isEqualTo(expected);
        assertThat(fold.state().digest()).isEqualTo(expected.digest());
        assertThat(fold.state().windows().values()).anyMatch(w -> w.capacity() == 9 && w.full());
    }

    @Test
    void aStateTakenMidwayIsNotChangedByTheEventsFoldedAfterIt() {
        StateFold fold = RuntimeState.EMPTY.fold();
        List<RuntimeState> taken = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < EVENTS.size(); i++) {
            fold.apply(EVENTS.get(i));
            if (i % 97 == 0) {
                taken.add(fold.state());
                at.add(i + 1);
            }
        }

        for (int k = 0; k < taken.size(); k++) {
            assertThat(taken.get(k)).as("state after %d events", at.get(k))
                    .isEqualTo(oneByOne(EVENTS.subList(0, at.get(k))));
        }
        assertThat(fold.state()).isEqualTo(oneByOne(EVENTS));
    }

    @Test
    void aRefusedEventLeavesTheFoldAsItWasAndItFoldsOn() {
        int split = EVENTS.size() / 3;
        StateFold fold = RuntimeState.EMPTY.fold();
        EVENTS.subList(0, split).forEach(fold::apply);
        fold.apply(new MarketBarObserved(bar("ZZZ", 10_000, "5")));
        RuntimeState before = fold.state();

        assertThatThrownBy(() -> fold.apply(new MarketBarObserved(bar("ZZZ", 10_000, "6"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not after the last observed bar");

        assertThat(fold.state()).isEqualTo(before);
        List<AuditEvent> withBar = new ArrayList<>(EVENTS.subList(0, split));
        withBar.add(new MarketBarObserved(bar("ZZZ", 10_000, "5")));
        assertThat(fold.state()).isEqualTo(oneByOne(withBar));
    }

    @Test
    void aFoldOfNoEventsIsTheStateItStartedFrom() {
        RuntimeState state = oneByOne(EVENTS.subList(0, 50));

        assertThat(state.fold().state()).isSameAs(state);
    }

    @Test
    void foldingDoesNotChangeTheStateItStartedFrom() {
        RuntimeState start = oneByOne(EVENTS.subList(0, 200));
        String digest = start.digest();

        StateFold fold = start.fold();
        EVENTS.subList(200, EVENTS.size()).forEach(fold::apply);
        fold.state();

        assertThat(start.digest()).isEqualTo(digest);
        assertThat(start.events()).isEqualTo(200);
    }
}
