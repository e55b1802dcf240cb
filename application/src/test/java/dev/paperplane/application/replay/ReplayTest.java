package dev.paperplane.application.replay;

import static dev.paperplane.application.session.SessionFixtures.FEED;
import static dev.paperplane.application.session.SessionFixtures.bars;
import static dev.paperplane.application.session.SessionFixtures.config;
import static dev.paperplane.application.session.SessionFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.session.RunPaperSession;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.domain.runtime.RuntimeState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private final InMemoryStore store = new InMemoryStore();
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void runASession() {
        try (InMemoryStore.Writer writer = store.openWriter()) {
            new RunPaperSession(writer, writer, 150).run(ReplayedState.GENESIS, config(), FEED, source(bars(120)));
        }
    }

    private static SnapshotLoadPort noSnapshots() {
        return new SnapshotLoadPort() {
            @Override
            public List<SnapshotInfo> list() {
                return List.of();
            }

            @Override
            public Optional<dev.paperplane.application.snapshot.Snapshot> load(long seq) {
                return Optional.empty();
            }
        };
    }

    private RuntimeState fullReplay(long seq) {
        return new Replay(store, noSnapshots(), warnings::add).to(seq).state();
    }

    @Test
    void snapshotPlusTailEqualsAFullReplayFromGenesis() {
        ReplayedState fromSnapshot = new Replay(store, store, warnings::add).toHead();

        assertThat(fromSnapshot.fromSnapshotSeq()).isPositive();
        assertThat(fromSnapshot.state()).isEqualTo(fullReplay(store.head().seq()));
        assertThat(warnings).isEmpty();
    }

    @Test
    void withoutSnapshotsTheReplayToTheHeadFoldsTheWholeLogFromGenesis() {
        ReplayedState state = new Replay(store, noSnapshots(), warnings::add).toHead();

        assertThat(state.head()).isEqualTo(store.head());
        assertThat(state.fromSnapshotSeq()).isZero();
        assertThat(state.state()).isEqualTo(fullReplay(store.head().seq()));
    }

    @Test
    void replayToAPastSeqStartsFromTheNewestSnapshotAtOrBelowIt() {
        long oldest = store.list().get(store.list().size() - 1).seq();
        long target = oldest + 5;

        ReplayedState state = new Replay(store, store, warnings::add).to(target);

        assertThat(state.fromSnapshotSeq()).isEqualTo(oldest);
        assertThat(state.seq()).isEqualTo(target);
        assertThat(state.state()).isEqualTo(fullReplay(target));
    }

    @Test
    void aCorruptNewestSnapshotIsSkippedWithAWarningForTheNextOlder() {
        long newest = store.list().get(0).seq();
        long older = store.list().get(1).seq();
        store.corruptSnapshot(newest);

        ReplayedState state = new Replay(store, store, warnings::add).toHead();

        assertThat(state.fromSnapshotSeq()).isEqualTo(older);
        assertThat(state.state()).isEqualTo(fullReplay(store.head().seq()));
        assertThat(warnings).singleElement().asString().contains("snapshot at seq " + newest + " skipped: "
                + store.list().get(0).problem().orElseThrow());
    }

    @Test
    void aReplayFromAnIntactNewestSnapshotReadsNoOtherSnapshot() {
        List<Long> loaded = new ArrayList<>();
        int[] listings = {0};
        SnapshotLoadPort counting = new SnapshotLoadPort() {
            @Override
            public List<SnapshotInfo> list() {
                listings[0]++;
                return store.list();
            }

            @Override
            public List<Long> seqs() {
                return store.seqs();
            }

            @Override
            public Optional<dev.paperplane.application.snapshot.Snapshot> load(long seq) {
                loaded.add(seq);
                return store.load(seq);
            }
        };
        assertThat(store.seqs()).hasSizeGreaterThan(2);

        ReplayedState state = new Replay(store, counting, warnings::add).toHead();

        assertThat(state.fromSnapshotSeq()).isEqualTo(store.seqs().get(0));
        assertThat(loaded).containsExactly(store.seqs().get(0));
        assertThat(listings[0]).isZero();
    }

    @Test
    void withEverySnapshotCorruptTheReplayStartsFromGenesis() {
        store.list().forEach(info -> store.corruptSnapshot(info.seq()));

        ReplayedState state = new Replay(store, store, warnings::add).toHead();

        assertThat(state.fromSnapshotSeq()).isZero();
        assertThat(state.state()).isEqualTo(fullReplay(store.head().seq()));
        assertThat(warnings).hasSize(store.list().size());
    }

    @Test
    void advanceFoldsOnlyWhatWasAppendedSince() {
        Replay replay = new Replay(store, noSnapshots(), warnings::add);
        ReplayedState early = replay.to(10);

        ReplayedState later = replay.advance(early, store.head().seq());

        assertThat(later.state()).isEqualTo(fullReplay(store.head().seq()));
        assertThat(later.head()).isEqualTo(store.head());
    }

    @Test
    void aSeqBeyondTheHeadIsRefused() {
        Replay replay = new Replay(store, store, warnings::add);

        assertThatThrownBy(() -> replay.to(store.head().seq() + 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the log");
    }
}
