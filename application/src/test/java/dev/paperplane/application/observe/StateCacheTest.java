package dev.paperplane.application.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.AuditStorage;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.application.replay.Replay;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.application.session.SessionFixtures;
import dev.paperplane.domain.audit.SessionStarted;
import dev.paperplane.application.audit.ConfigFingerprint;
import dev.paperplane.application.audit.StoredLine;
import dev.paperplane.domain.session.FeedIdentity;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StateCacheTest {

    private static InMemoryStore session(int bars) {
        InMemoryStore store = new InMemoryStore();
        store.append(new SessionStarted(SampleEvents.T0, ConfigFingerprint.of(SessionFixtures.config()),
                SessionFixtures.config(), new FeedIdentity("bars.csv", "cd".repeat(32))));
        for (int i = 1; i <= bars; i++) {
            store.append(SampleEvents.bar(i));
        }
        return store;
    }

    @Test
    void theStateAtTheHeadEqualsAFullReplay() {
        InMemoryStore store = session(12);

        ReplayedState cached = new StateCache(store, store, w -> { }).atHead();

        assertThat(cached.head()).isEqualTo(store.head());
        assertThat(cached.state()).isEqualTo(new Replay(store, store, w -> { }).toHead().state());
    }

    @Test
    void laterRequestsFoldOnlyTheRecordsAppendedSince() {
        InMemoryStore store = session(12);
        CountingLog log = new CountingLog(store);
        StateCache cache = new StateCache(log, store, w -> { });
        cache.atHead();
        long before = log.recordsRead.get();

        store.append(SampleEvents.bar(13));
        store.append(SampleEvents.bar(14));
        ReplayedState advanced = cache.atHead();

        assertThat(log.recordsRead.get() - before).isEqualTo(2);
        assertThat(advanced.state()).isEqualTo(new Replay(store, store, w -> { }).toHead().state());
    }

    @Test
    void aPastSeqIsTheReplayUpToThatSeq() {
        InMemoryStore store = session(12);
        StateCache cache = new StateCache(store, store, w -> { });
        cache.atHead();

        ReplayedState past = cache.at(5);

        assertThat(past.seq()).isEqualTo(5);
        assertThat(past.state()).isEqualTo(new Replay(store, store, w -> { }).to(5).state());
    }

    private static final class CountingLog implements AuditReadPort {
        final InMemoryStore store;
        final AtomicLong recordsRead = new AtomicLong();

        CountingLog(InMemoryStore store) {
            this.store = store;
        }

        @Override
        public ChainHead head() {
            return store.head();
        }

        @Override
        public Optional<AuditRecord> read(long seq) {
            return store.read(seq);
        }

        @Override
        public Stream<AuditRecord> readAfter(long afterSeq) {
            return store.readAfter(afterSeq).peek(r -> recordsRead.incrementAndGet());
        }

        @Override
        public Stream<StoredLine> linesAfter(long afterSeq) {
            return store.linesAfter(afterSeq).peek(line -> recordsRead.incrementAndGet());
        }

        @Override
        public AuditStorage storage() {
            return store.storage();
        }
    }
}
