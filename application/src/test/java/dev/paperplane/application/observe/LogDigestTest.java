package dev.paperplane.application.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.AuditStorage;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.StoredLine;
import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.contract.SampleEvents;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LogDigestTest {

    @Test
    void anEmptyLogIsIntactAtGenesisWithNoCounts() {
        LogOverview overview = new LogDigest(new InMemoryStore()).catchUp();

        assertThat(overview.verified()).isEqualTo(ChainHead.GENESIS);
        assertThat(overview.countsByType()).isEmpty();
        assertThat(overview.intact()).isTrue();
        assertThat(overview.latestSession()).isEmpty();
    }

    @Test
    void countsEveryRecordByTypeAndRemembersTheLatestSessionStart() {
        InMemoryStore store = new InMemoryStore();
        store.append(SampleEvents.oneOfEach());
        List<AuditRecord> second = store.append(SampleEvents.sessionStarted(), SampleEvents.bar(1));

        LogOverview overview = new LogDigest(store).catchUp();

        assertThat(overview.verified()).isEqualTo(store.head());
        assertThat(overview.countsByType()).containsEntry("SessionStarted", 2L).containsEntry("MarketBarObserved", 2L)
                .containsEntry("PaperOrderFilled", 1L);
        assertThat(overview.latestSession()).contains(second.getFirst());
        assertThat(overview.firstTime()).contains(SampleEvents.T0);
    }

    @Test
    void readsOnlyWhatWasAppendedSinceTheLastCatchUp() {
        InMemoryStore store = new InMemoryStore();
        store.append(SampleEvents.events(5));
        CountingLog counting = new CountingLog(store);
        LogDigest digest = new LogDigest(counting);
        digest.catchUp();
        long readBefore = counting.recordsRead.get();

        store.append(SampleEvents.events(2));
        LogOverview overview = digest.catchUp();

        assertThat(readBefore).isEqualTo(5);
        assertThat(counting.recordsRead.get() - readBefore).isEqualTo(2);
        assertThat(overview.verified().seq()).isEqualTo(7);
    }

    @Test
    void aHeadThatMovesBackIsReportedAsAChainBreak() {
        InMemoryStore store = new InMemoryStore();
        store.append(SampleEvents.events(3));
        ShrinkingLog log = new ShrinkingLog(store);
        LogDigest digest = new LogDigest(log);
        digest.catchUp();

        log.headOverride = Optional.of(new ChainHead(1, store.read(1).orElseThrow().hash()));
        LogOverview overview = digest.catchUp();

        assertThat(overview.intact()).isFalse();
        assertThat(overview.chainBreak().orElseThrow().seq()).isEqualTo(2);
        assertThat(overview.verified().seq()).isEqualTo(3);
    }

    @Test
    void aRecordWhoseSeqDoesNotFollowIsTheFirstBadSeq() {
        InMemoryStore store = new InMemoryStore();
        store.append(SampleEvents.events(4));
        AuditReadPort skipping = new ShrinkingLog(store) {
            @Override
            public Stream<AuditRecord> readAfter(long afterSeq) {
                return store.readAfter(afterSeq).filter(r -> r.seq() != 3);
            }
        };

        LogOverview overview = new LogDigest(skipping).catchUp();

        assertThat(overview.chainBreak().orElseThrow().seq()).isEqualTo(3);
        assertThat(overview.verified().seq()).isEqualTo(2);
    }

    private static class ShrinkingLog implements AuditReadPort {
        final InMemoryStore store;
        Optional<ChainHead> headOverride = Optional.empty();

        ShrinkingLog(InMemoryStore store) {
            this.store = store;
        }

        @Override
        public ChainHead head() {
            return headOverride.orElseGet(store::head);
        }

        @Override
        public Optional<AuditRecord> read(long seq) {
            return store.read(seq);
        }

        @Override
        public Stream<AuditRecord> readAfter(long afterSeq) {
            return store.readAfter(afterSeq);
        }

        @Override
        public Stream<StoredLine> linesAfter(long afterSeq) {
            return store.linesAfter(afterSeq);
        }

        @Override
        public AuditStorage storage() {
            return store.storage();
        }
    }

    private static final class CountingLog extends ShrinkingLog {
        final AtomicLong recordsRead = new AtomicLong();

        CountingLog(InMemoryStore store) {
            super(store);
        }

        @Override
        public Stream<AuditRecord> readAfter(long afterSeq) {
            return store.readAfter(afterSeq).peek(r -> recordsRead.incrementAndGet());
        }
    }
}
