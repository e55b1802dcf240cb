package dev.paperplane.application.session;

import static dev.paperplane.application.session.SessionFixtures.FEED;
import static dev.paperplane.application.session.SessionFixtures.bars;
import static dev.paperplane.application.session.SessionFixtures.config;
import static dev.paperplane.application.session.SessionFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.audit.append.AuditWriteException;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import dev.paperplane.domain.market.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class RunPaperSessionBatchingTest {

    @Mock
    AuditAppendPort log;
    @Mock
    SnapshotStorePort snapshots;

    @Test
    void byDefaultAppendsOneBatchPerBarAndOneForTheSessionEndEachUnderItsOwnForce() {
        when(log.head()).thenReturn(ChainHead.GENESIS);
        List<Bar> bars = bars(10);

        new RunPaperSession(log, snapshots, 1_000_000).run(ReplayedState.GENESIS, config(), FEED, source(bars));

        List<List<List<EncodedRecord>>> groups = groups(bars.size() + 1);
        assertThat(groups).allSatisfy(group -> assertThat(group).hasSize(1));
    }

    @Test
    void seqsOfConsecutiveBatchesFollowEachOtherWithoutGaps() {
        when(log.head()).thenReturn(ChainHead.GENESIS);

        new RunPaperSession(log, snapshots, 1_000_000).run(ReplayedState.GENESIS, config(), FEED, source(bars(5)));

        long expected = 1;
        for (List<List<EncodedRecord>> group : groups(11)) {
            for (EncodedRecord record : group.stream().flatMap(List::stream).toList()) {
                assertThat(record.seq()).isEqualTo(expected++);
            }
        }
    }

    @Test
    void groupsHoldAtMostTheConfiguredNumberOfWholeBarsAndTheLastGroupEndsTheFeed() {
        when(log.head()).thenReturn(ChainHead.GENESIS);
        List<Bar> bars = bars(10);

        new RunPaperSession(log, snapshots, 1_000_000, new Grouping(4, Long.MAX_VALUE))
                .run(ReplayedState.GENESIS, config(), FEED, source(bars));

        int batches = bars.size() + 1;
        List<Integer> expected = new ArrayList<>();
        for (int left = batches; left > 0; left -= 4) {
            expected.add(Math.min(4, left));
        }
        assertThat(groups(expected.size())).extracting(List::size).isEqualTo(expected);
    }

    @Test
    void aFeedThatFailsMidGroupStillForcesEveryWholeBarBeforeTheFailure() {
        when(log.head()).thenReturn(ChainHead.GENESIS);
        List<Bar> bars = bars(10);
        Supplier<Optional<Bar>> good = source(bars);
        Supplier<Optional<Bar>> failingAfterThem = () -> good.get().or(() -> {
            throw new IllegalArgumentException("bad line");
        });

        assertThatThrownBy(() -> new RunPaperSession(log, snapshots, 1_000_000, new Grouping(1_000, Long.MAX_VALUE))
                .run(ReplayedState.GENESIS, config(), FEED, failingAfterThem))
                .hasMessage("bad line");

        assertThat(groups(1).getFirst()).as("one batch per bar read, none for a session end").hasSize(bars.size());
        verify(snapshots, never()).store(any());
    }

    @Test
    void aGroupIsForcedOnceItsRecordsReachTheByteBound() {
        when(log.head()).thenReturn(ChainHead.GENESIS);

        List<Bar> bars = bars(10);

        new RunPaperSession(log, snapshots, 1_000_000, new Grouping(Long.MAX_VALUE, 1))
                .run(ReplayedState.GENESIS, config(), FEED, source(bars));

        assertThat(groups(bars.size() + 1)).allSatisfy(group -> assertThat(group).hasSize(1));
    }

    @Test
    void theGroupThatReachesASnapshotIsForcedBeforeTheSnapshotIsStored() {
        when(log.head()).thenReturn(ChainHead.GENESIS);
        InOrder order = inOrder(log, snapshots);
        ArgumentCaptor<Snapshot> stored = ArgumentCaptor.forClass(Snapshot.class);

        new RunPaperSession(log, snapshots, 20, new Grouping(1_000, Long.MAX_VALUE))
                .run(ReplayedState.GENESIS, config(), FEED, source(bars(30)));

        order.verify(log).appendBatches(anyList());
        order.verify(snapshots).store(any());
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<List<EncodedRecord>>> groups = ArgumentCaptor.forClass(List.class);
        verify(log, atLeastOnce()).appendBatches(groups.capture());
        verify(snapshots, atLeastOnce()).store(stored.capture());
        long forced = groups.getAllValues().getFirst().stream().mapToLong(List::size).sum();
        assertThat(stored.getAllValues().getFirst().seq()).as("the first snapshot is at the end of the first group")
                .isEqualTo(forced).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aFailedAppendEndsTheRunWithoutRetryOrSnapshot() {
        when(log.head()).thenReturn(ChainHead.GENESIS);
        doThrow(new AuditWriteException("disk full")).when(log).appendBatches(anyList());

        assertThatThrownBy(() -> new RunPaperSession(log, snapshots, 1)
                .run(ReplayedState.GENESIS, config(), FEED, source(bars(5))))
                .isInstanceOf(AuditWriteException.class);

        verify(log, times(1)).appendBatches(anyList());
        verify(snapshots, never()).store(any());
    }

    @Test
    void aStartStateBehindTheLogIsRefused() {
        when(log.head()).thenReturn(new ChainHead(3, "ab".repeat(32)));

        assertThatThrownBy(() -> new RunPaperSession(log, snapshots, 10)
                .run(ReplayedState.GENESIS, config(), FEED, source(bars(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("log's head is at seq 3");
        verify(log, never()).appendBatches(anyList());
    }

    /** The groups the session appended, checking there were {@code count}. */
    private List<List<List<EncodedRecord>>> groups(int count) {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<List<EncodedRecord>>> groups = ArgumentCaptor.forClass(List.class);
        verify(log, times(count)).appendBatches(groups.capture());
        return groups.getAllValues();
    }
}
