package dev.paperplane.application.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

/**
 * The cache's checkpoints: {@code ?at=SEQ} folded from the nearest checkpoint gives, at every seq, exactly the
 * figures of a fresh fold from genesis to that seq, and the checkpoints stay at most 128, evenly spaced.
 */
class PerformanceCacheTest {
    private static final List<AuditEvent> EVENTS = PerformanceInvariantsTest.syntheticSession(7, 300);

    private static InMemoryStore log() {
        InMemoryStore store = new InMemoryStore();
        for (int i = 0; i < EVENTS.size(); i += 3) {
            store.append(EVENTS.subList(i, Math.min(EVENTS.size(), i + 3)));
        }
        return store;
    }

    private static PerformanceFold freshTo(long seq) {
        PerformanceFold fold = new PerformanceFold();
        for (int i = 0; i < seq; i++) {
            fold.apply(i + 1, EVENTS.get(i));
        }
        return fold;
    }

    @Test
    void atEverySeqBelowTheHeadTheFiguresAreThoseOfAFreshFoldToThatSeq() {
        InMemoryStore store = log();
        PerformanceCache cache = new PerformanceCache(store, 4);
        cache.atHead();
        assertThat(cache.checkpointSeqs()).isNotEmpty();

        for (long seq = 0; seq <= EVENTS.size(); seq++) {
            PerformanceFold fresh = freshTo(seq);
            PerformanceCache.Performance at = cache.at(seq, "1d", 1);
            assertThat(at.head()).isEqualTo(seq == 0 ? ChainHead.GENESIS
                    : new ChainHead(seq, store.read(seq).orElseThrow().hash()));
            assertThat(at.report()).as("seq %d", seq).isEqualTo(fresh.report());
            if (seq % 5 == 0) {
                assertThat(cache.at(seq, "1m", 1440).report()).as("seq %d, 1m", seq)
                        .isEqualTo(fresh.report("1m", 1440));
            }
        }
    }

    @Test
    void atMost128CheckpointsAreKeptAtEvenlySpacedSeqs() {
        PerformanceCache cache = new PerformanceCache(log(), 1);
        cache.atHead();

        SortedSet<Long> seqs = cache.checkpointSeqs();
        assertThat(seqs).hasSizeBetween(PerformanceCache.MAX_CHECKPOINTS / 2, PerformanceCache.MAX_CHECKPOINTS);
        long spacing = seqs.first();
        List<Long> gaps = new ArrayList<>();
        long previous = 0;
        for (long seq : seqs) {
            gaps.add(seq - previous);
            previous = seq;
        }
        assertThat(gaps).containsOnly(spacing);
        assertThat(EVENTS.size() - seqs.last()).isLessThan(spacing);
    }

    @Test
    void aCopyAndTheFoldItWasCopiedFromGoOnEventForEventAsAFreshFold() {
        PerformanceFold fresh = freshTo(EVENTS.size());
        for (int split = 0; split <= EVENTS.size(); split += 17) {
            PerformanceFold original = freshTo(split);
            PerformanceFold copy = original.copy();
            PerformanceFold copyOfCopy = copy.copy();
            for (int i = split; i < EVENTS.size(); i++) {
                original.apply(i + 1, EVENTS.get(i));
                copy.apply(i + 1, EVENTS.get(i));
            }
            for (int i = split; i < EVENTS.size(); i++) {
                copyOfCopy.apply(i + 1, EVENTS.get(i));
            }

            for (PerformanceFold fold : List.of(original, copy, copyOfCopy)) {
                assertThat(fold.report()).as("split %d", split).isEqualTo(fresh.report());
                assertThat(fold.trips()).containsExactlyElementsOf(fresh.trips());
                assertThat(fold.trips(0, Optional.of("beta"), Optional.of("AAA"), 5))
                        .containsExactlyElementsOf(fresh.trips(0, Optional.of("beta"), Optional.of("AAA"), 5));
                for (long interval : new long[] {60, 300, 86_400}) {
                    assertThat(fold.equityCurve(interval, Long.MIN_VALUE / 2, Integer.MAX_VALUE))
                            .containsExactlyElementsOf(fresh.equityCurve(interval, Long.MIN_VALUE / 2,
                                    Integer.MAX_VALUE));
                }
            }
        }
    }
}
