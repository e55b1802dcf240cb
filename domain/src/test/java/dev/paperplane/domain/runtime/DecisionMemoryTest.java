package dev.paperplane.domain.runtime;

import static dev.paperplane.domain.Fixtures.d;
import static dev.paperplane.domain.Fixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.decision.DecisionKey;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DecisionMemoryTest {

    private static DecisionRecorded decision(String strategyId, String instrument, int minute, Action action) {
        return new DecisionRecorded(minute(minute), strategyId, 1, instrument, action, d("1"), "because",
                new TreeMap<>());
    }

    @Test
    void emptyMemoryKnowsNoDecision() {
        DecisionMemory memory = DecisionMemory.empty();

        assertThat(memory.count()).isZero();
        assertThat(memory.tracks()).isEmpty();
        assertThat(memory.track("s", "AAA")).isEmpty();
        assertThat(memory.hasDecided("s", "AAA", minute(0))).isFalse();
    }

    @Test
    void recordingADecisionStartsItsTrack() {
        DecisionMemory memory = DecisionMemory.empty().record(decision("s", "AAA", 3, Action.BUY));

        assertThat(memory.track("s", "AAA")).contains(new DecisionTrack(minute(3), Action.BUY, 1, 0));
        assertThat(memory.count()).isEqualTo(1);
    }

    @Test
    void trackCountsBuysAndSellsAndKeepsTheLatest() {
        DecisionMemory memory = DecisionMemory.empty()
                .record(decision("s", "AAA", 1, Action.BUY))
                .record(decision("s", "AAA", 2, Action.SELL))
                .record(decision("s", "AAA", 5, Action.SELL));

        assertThat(memory.track("s", "AAA")).contains(new DecisionTrack(minute(5), Action.SELL, 1, 2));
        assertThat(memory.count()).isEqualTo(3);
    }

    @Test
    void tracksAreKeptPerStrategyAndInstrumentInKeyOrder() {
        DecisionMemory memory = DecisionMemory.empty()
                .record(decision("b", "AAA", 1, Action.BUY))
                .record(decision("a", "BBB", 1, Action.SELL))
                .record(decision("a", "AAA", 2, Action.BUY));

        assertThat(memory.tracks().keySet()).containsExactly(
                new DecisionKey("a", "AAA"), new DecisionKey("a", "BBB"), new DecisionKey("b", "AAA"));
        assertThat(memory.count()).isEqualTo(3);
    }

    @Test
    void hasDecidedForTheDecidedBarAndEveryEarlierOne() {
        DecisionMemory memory = DecisionMemory.empty().record(decision("s", "AAA", 5, Action.BUY));

        assertThat(memory.hasDecided("s", "AAA", minute(5))).isTrue();
        assertThat(memory.hasDecided("s", "AAA", minute(4))).isTrue();
        assertThat(memory.hasDecided("s", "AAA", minute(6))).isFalse();
        assertThat(memory.hasDecided("s", "BBB", minute(5))).isFalse();
        assertThat(memory.hasDecided("t", "AAA", minute(5))).isFalse();
    }

    @Test
    void aDecisionThatDoesNotMoveForwardIsRefused() {
        DecisionMemory memory = DecisionMemory.empty().record(decision("s", "AAA", 5, Action.BUY));

        assertThatThrownBy(() -> memory.record(decision("s", "AAA", 5, Action.SELL)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("strategy 's'")
                .hasMessageContaining("not after its previous decision");
        assertThatThrownBy(() -> memory.record(decision("s", "AAA", 4, Action.SELL)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void memoriesFoldedFromTheSameDecisionsAreEqual() {
        DecisionMemory a = DecisionMemory.empty().record(decision("s", "AAA", 1, Action.BUY))
                .record(decision("s", "BBB", 1, Action.SELL));
        DecisionMemory b = DecisionMemory.empty().record(decision("s", "AAA", 1, Action.BUY))
                .record(decision("s", "BBB", 1, Action.SELL));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(DecisionMemory.empty());
    }

    @Test
    void restoreRebuildsAnEqualMemory() {
        DecisionMemory memory = DecisionMemory.empty().record(decision("s", "AAA", 1, Action.BUY));

        assertThat(DecisionMemory.restore(memory.tracks())).isEqualTo(memory);
    }

    @Test
    void keysOrderByStrategyThenInstrument() {
        assertThat(new DecisionKey("a", "ZZZ")).isLessThan(new DecisionKey("b", "AAA"));
        assertThat(new DecisionKey("a", "AAA")).isLessThan(new DecisionKey("a", "BBB"));
    }
}
