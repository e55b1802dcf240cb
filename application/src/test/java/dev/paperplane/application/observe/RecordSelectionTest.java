package dev.paperplane.application.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.contract.SampleEvents;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RecordSelectionTest {

    @Test
    void eventTypesAreEveryPermittedEventInAscendingOrder() {
        assertThat(RecordSelection.EVENT_TYPES).containsExactly("DecisionRecorded", "MarketBarObserved",
                "OrderRejected", "PaperOrderFilled", "SessionCompleted", "SessionStarted");
    }

    @Test
    void selectsRecordsAfterTheCursorUpToThePinnedHeadOnly() {
        InMemoryStore store = new InMemoryStore();
        store.append(SampleEvents.events(10));

        assertThat(seqs(store, RecordSelection.events(3, 7, Optional.empty()))).containsExactly(4L, 5L, 6L, 7L);
    }

    @Test
    void filtersByTypeAndByStrategyAndInstrument() {
        InMemoryStore store = new InMemoryStore();
        store.append(SampleEvents.oneOfEach());
        store.append(SampleEvents.decision(), SampleEvents.fill());
        long head = store.head().seq();

        assertThat(seqs(store, RecordSelection.events(0, head, Optional.of("PaperOrderFilled")))).hasSize(2);
        assertThat(seqs(store, RecordSelection.decisions(0, head, Optional.of("ma-fast"), Optional.of("ACME"))))
                .hasSize(2);
        assertThat(seqs(store, RecordSelection.decisions(0, head, Optional.of("other"), Optional.empty()))).isEmpty();
        assertThat(seqs(store, RecordSelection.fills(0, head))).hasSize(2);
    }

    @Test
    void anUnknownEventTypeIsRefused() {
        assertThatThrownBy(() -> RecordSelection.events(0, 1, Optional.of("Nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nope");
    }

    private static List<Long> seqs(InMemoryStore store, RecordSelection selection) {
        try (Stream<AuditRecord> records = selection.open(store)) {
            return records.map(AuditRecord::seq).toList();
        }
    }
}
