package dev.paperplane.application.snapshot;

import static dev.paperplane.application.session.SessionFixtures.FEED;
import static dev.paperplane.application.session.SessionFixtures.bars;
import static dev.paperplane.application.session.SessionFixtures.config;
import static dev.paperplane.application.session.SessionFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.replay.Replay;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.application.session.RunPaperSession;
import dev.paperplane.domain.runtime.RuntimeState;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {

    private static RuntimeState tradedState() {
        InMemoryStore store = new InMemoryStore();
        try (InMemoryStore.Writer writer = store.openWriter()) {
            new RunPaperSession(writer, writer, 1_000_000).run(ReplayedState.GENESIS, config(), FEED, source(bars(80)));
        }
        return new Replay(store, store, w -> { }).toHead().state();
    }

    @Test
    void decodingAnEncodedStateGivesAnEqualState() {
        RuntimeState state = tradedState();

        RuntimeState decoded = SnapshotCodec.decode(SnapshotCodec.snapshot(1, "00".repeat(32), state));

        assertThat(decoded).isEqualTo(state);
        assertThat(decoded.digest()).isEqualTo(state.digest());
    }

    @Test
    void equalStatesEncodeToEqualBytes() {
        assertThat(SnapshotCodec.encode(tradedState())).isEqualTo(SnapshotCodec.encode(tradedState()));
    }

    @Test
    void theEmptyStateRoundTrips() {
        assertThat(SnapshotCodec.decode(SnapshotCodec.snapshot(0, "00".repeat(32), RuntimeState.EMPTY)))
                .isEqualTo(RuntimeState.EMPTY);
    }

    @Test
    void anUnknownSchemaIsRefused() {
        Snapshot future = new Snapshot(1, "00".repeat(32), Snapshot.CURRENT_SCHEMA + 1, SnapshotCodec.encode(RuntimeState.EMPTY));

        assertThatThrownBy(() -> SnapshotCodec.decode(future)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema");
    }

    @Test
    void malformedStateIsRefusedWithThePosition() {
        Snapshot broken = new Snapshot(1, "00".repeat(32), Snapshot.CURRENT_SCHEMA,
                "{\"events\":1,".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> SnapshotCodec.decode(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid JSON at character");
    }
}
