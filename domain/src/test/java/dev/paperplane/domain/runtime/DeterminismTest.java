package dev.paperplane.domain.runtime;

import static dev.paperplane.domain.Fixtures.generatedSeries;
import static dev.paperplane.domain.Fixtures.minute;
import static dev.paperplane.domain.Fixtures.propertyConfig;
import static dev.paperplane.domain.Fixtures.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.market.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Properties that make the audit log a faithful record: same input, same events, same state, anywhere. */
class DeterminismTest {
    private static final List<Bar> BARS = generatedSeries(120);

    private record Run(List<AuditEvent> events, RuntimeState state) {
    }

    /** Starts a session and steps every bar, folding as it goes; ends with the SessionCompleted. */
    private static Run run(List<Bar> bars) {
        List<AuditEvent> events = new ArrayList<>();
        RuntimeState state = RuntimeState.EMPTY;
        state = append(state, List.of(started(propertyConfig(), minute(0))), events);
        for (Bar bar : bars) {
            state = append(state, PaperTradingCore.step(state, bar), events);
        }
        state = append(state, List.of(PaperTradingCore.complete(state, bars.getLast().time())), events);
        return new Run(List.copyOf(events), state);
    }

    private static RuntimeState append(RuntimeState state, List<AuditEvent> batch, List<AuditEvent> log) {
        log.addAll(batch);
        return fold(state, batch);
    }

    private static RuntimeState fold(RuntimeState state, List<AuditEvent> events) {
        RuntimeState current = state;
        for (AuditEvent event : events) {
            current = current.apply(event);
        }
        return current;
    }

    @Test
    void generatedSeriesExercisesBuysSellsFillsAndRejectionsOfEveryStrategy() {
        List<AuditEvent> events = run(BARS).events();

        for (String strategy : List.of("cross", "band")) {
            for (Action action : List.of(Action.BUY, Action.SELL)) {
                assertThat(events).as("%s %s", strategy, action).anyMatch(e -> e instanceof DecisionRecorded d
                        && d.strategyId().equals(strategy) && d.action() == action);
            }
            assertThat(events).as("%s fills", strategy)
                    .anyMatch(e -> e instanceof PaperOrderFilled f && f.strategyId().equals(strategy));
        }
        assertThat(events).anyMatch(e -> e instanceof OrderRejected);
    }

    @Test
    void foldingTheSameEventsTwiceGivesEqualStates() {
        List<AuditEvent> events = run(BARS).events();

        RuntimeState first = fold(RuntimeState.EMPTY, events);
        RuntimeState second = fold(RuntimeState.EMPTY, events);

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first.digest()).isEqualTo(second.digest());
    }

    @Test
    void steppingTheSameBarsInTwoFreshCoresGivesEqualEventsAndStates() {
        Run first = run(BARS);
        Run second = run(generatedSeries(120));

        assertThat(second.events()).isEqualTo(first.events());
        assertThat(second.state()).isEqualTo(first.state());
        assertThat(second.state().digest()).isEqualTo(first.state().digest());
    }

    @Test
    void theFoldOfTheLogIsTheStateTheCoreEndedWith() {
        Run run = run(BARS);

        assertThat(fold(RuntimeState.EMPTY, run.events())).isEqualTo(run.state());
        assertThat(run.state().events()).isEqualTo(run.events().size());
    }

    @Test
    void foldingAPrefixThenTheRestEqualsFoldingTheWhole() {
        List<AuditEvent> events = run(BARS).events();
        RuntimeState whole = fold(RuntimeState.EMPTY, events);

        for (int split = 0; split <= events.size(); split += 37) {
            RuntimeState prefix = fold(RuntimeState.EMPTY, events.subList(0, split));
            RuntimeState resumed = fold(prefix, events.subList(split, events.size()));

            assertThat(resumed).as("split at %d", split).isEqualTo(whole);
        }
    }

    @Test
    void refeedingEveryBarAfterARestartEmitsEventsOnlyForTheUnseenOnes() {
        Run uninterrupted = run(BARS);
        int crash = 200;
        Run beforeCrash = run(BARS.subList(0, crash));
        List<AuditEvent> log = new ArrayList<>(beforeCrash.events().subList(0, beforeCrash.events().size() - 1));
        RuntimeState state = fold(RuntimeState.EMPTY, log);

        for (Bar bar : BARS) {
            List<AuditEvent> batch = PaperTradingCore.step(state, bar);
            log.addAll(batch);
            state = fold(state, batch);
        }
        log.add(PaperTradingCore.complete(state, BARS.getLast().time()));
        state = state.apply(log.getLast());

        assertThat(log).isEqualTo(uninterrupted.events());
        assertThat(state).isEqualTo(uninterrupted.state());
    }

    @Test
    void aStateRestoredFromItsPartsContinuesExactlyLikeTheOriginal() {
        List<AuditEvent> events = run(BARS).events();
        int split = events.size() / 2;
        RuntimeState original = fold(RuntimeState.EMPTY, events.subList(0, split));
        RuntimeState restored = RuntimeState.restore(original.events(), original.config().orElseThrow(),
                original.ledger(), original.decisions(), original.windows(), original.lastBarTimes(),
                original.session());

        List<AuditEvent> rest = events.subList(split, events.size());

        assertThat(fold(restored, rest)).isEqualTo(fold(original, rest));
        for (Bar bar : BARS.subList(BARS.size() - 3, BARS.size())) {
            assertThat(PaperTradingCore.step(restored, bar)).isEqualTo(PaperTradingCore.step(original, bar));
        }
    }

    @Test
    void digestOfTheGeneratedRunIsPinnedSoThatAnyChangeToDecisionsOrCanonicalFormIsDeliberate() {
        assertThat(run(BARS).state().digest())
                .isEqualTo("434583d72401b1aa8251d4071a6f36710e40677388e345bafa28ee160d858e37");
    }

    @Test
    void eventsAndDigestDoNotDependOnTheDefaultLocaleOrTimeZone() {
        Run reference = run(BARS);
        String referenceText = reference.state().canonicalText();
        Locale locale = Locale.getDefault();
        Locale formatLocale = Locale.getDefault(Locale.Category.FORMAT);
        Locale displayLocale = Locale.getDefault(Locale.Category.DISPLAY);
        TimeZone zone = TimeZone.getDefault();
        try {
            for (String tag : List.of("de-DE", "ar-SA", "th-TH-u-nu-thai", "hi-IN-u-nu-deva", "tr-TR")) {
                for (String zoneId : List.of("Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham")) {
                    Locale.setDefault(Locale.forLanguageTag(tag));
                    TimeZone.setDefault(TimeZone.getTimeZone(zoneId));

                    Run other = run(generatedSeries(120));

                    assertThat(other.events()).as("%s %s", tag, zoneId).isEqualTo(reference.events());
                    assertThat(other.state().canonicalText()).as("%s %s", tag, zoneId).isEqualTo(referenceText);
                    assertThat(other.state().digest()).as("%s %s", tag, zoneId).isEqualTo(reference.state().digest());
                }
            }
        } finally {
            Locale.setDefault(locale);
            Locale.setDefault(Locale.Category.FORMAT, formatLocale);
            Locale.setDefault(Locale.Category.DISPLAY, displayLocale);
            TimeZone.setDefault(zone);
        }
    }
}
