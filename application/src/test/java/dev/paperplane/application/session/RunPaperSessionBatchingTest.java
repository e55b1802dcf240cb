package dev.paperplane.application.session;

import static dev.paperplane.application.session.SessionFixtures.FEED;
import static dev.paperplane.application.session.SessionFixtures.bars;
import static dev.paperplane.application.session.SessionFixtures.config;
import static dev.paperplane.application.session.SessionFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.audit.append.AuditWriteException;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import dev.paperplane.domain.market.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class RunPaperSessionBatchingTest {

    @Mock
    AuditAppendPort log;
    @Mock
    SnapshotStorePort snapshots;

    @Test
    void appendsOneBatchPerBarAndOneForTheSessionEnd() {
        when(log.head()).thenReturn(ChainHead.GENESIS);
        List<Bar> bars = bars(10);

        new RunPaperSession(log, snapshots, 1_000_000).run(ReplayedState.GENESIS, config(), FEED, source(bars));

        verify(log, times(bars.size() + 1)).append(anyList());
    }

    @Test
    void seqsOfConsecutiveBatchesFollowEachOtherWithoutGaps() {
        when(log.head()).thenReturn(ChainHead.GENESIS);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<EncodedRecord>> batches = ArgumentCaptor.forClass(List.class);

        new RunPaperSession(log, snapshots, 1_000_000).run(ReplayedState.GENESIS, config(), FEED, source(bars(5)));

        verify(log, times(11)).append(batches.capture());
        long expected = 1;
        for (List<EncodedRecord> batch : batches.getAllValues()) {
            for (EncodedRecord record : batch) {
                assertThat(record.seq()).isEqualTo(expected++);
            }
        }
    }

    @Test
    void aFailedAppendEndsTheRunWithoutRetryOrSnapshot() {
        when(log.head()).thenReturn(ChainHead.GENESIS);
        doThrow(new AuditWriteException("disk full")).when(log).append(anyList());

        assertThatThrownBy(() -> new RunPaperSession(log, snapshots, 1)
                .run(ReplayedState.GENESIS, config(), FEED, source(bars(5))))
                .isInstanceOf(AuditWriteException.class);

        verify(log, times(1)).append(anyList());
        verify(snapshots, never()).store(org.mockito.ArgumentMatchers.any());
    }

    @Test
    void aStartStateBehindTheLogIsRefused() {
        when(log.head()).thenReturn(new ChainHead(3, "ab".repeat(32)));

        assertThatThrownBy(() -> new RunPaperSession(log, snapshots, 10)
                .run(ReplayedState.GENESIS, config(), FEED, source(bars(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("log's head is at seq 3");
        verify(log, never()).append(anyList());
    }
}
