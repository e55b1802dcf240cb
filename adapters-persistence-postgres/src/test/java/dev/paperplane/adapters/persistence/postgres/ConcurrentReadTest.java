package dev.paperplane.adapters.persistence.postgres;

import static dev.paperplane.adapters.persistence.postgres.TestStore.all;
import static dev.paperplane.adapters.persistence.postgres.TestStore.append;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.contract.SampleEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentReadTest {
    private static final int BATCHES = 120;
    private static final int BATCH = 5;

    private final TestStore store = new TestStore().create();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aReaderSeesOnlyWholeCommittedBatchesWhileTheWriterAppends() throws Exception {
        PostgresStoreReader reader = store.reader();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<ChainHead> writing = executor.submit(() -> {
                try (PostgresStoreWriter writer = PostgresStore.openWriter(store.target)) {
                    for (int i = 0; i < BATCHES; i++) {
                        append(writer, SampleEvents.events(BATCH));
                    }
                    return writer.head();
                }
            });
            while (!writing.isDone()) {
                long head = reader.head().seq();
                List<AuditRecord> records = all(reader.readAfter(0));
                assertThat(head % BATCH).as("head %d is at a batch boundary", head).isZero();
                assertThat(records.size() % BATCH).as("%d records streamed", records.size()).isZero();
                assertThat(records.size()).isGreaterThanOrEqualTo((int) head);
                for (int i = 0; i < records.size(); i++) {
                    assertThat(records.get(i).seq()).isEqualTo(i + 1);
                }
            }
            ChainHead last = writing.get();
            assertThat(last.seq()).isEqualTo((long) BATCHES * BATCH);
            assertThat(reader.head()).isEqualTo(last);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Heads asked at once share one query; each still sees every batch committed before it was asked, however the
     * calls interleave with each other's queries and with the writer's commits.
     */
    @Test
    void concurrentHeadsEachSeeEveryBatchCommittedBeforeTheyWereAsked() throws Exception {
        PostgresStoreReader reader = store.reader();
        AtomicLong committed = new AtomicLong();
        ExecutorService executor = Executors.newFixedThreadPool(5);
        try {
            Future<ChainHead> writing = executor.submit(() -> {
                try (PostgresStoreWriter writer = PostgresStore.openWriter(store.target)) {
                    for (int i = 0; i < BATCHES; i++) {
                        append(writer, SampleEvents.events(BATCH));
                        committed.set(writer.head().seq());
                    }
                    return writer.head();
                }
            });
            List<Future<Long>> asking = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                asking.add(executor.submit(() -> {
                    long asked = 0;
                    while (!writing.isDone()) {
                        long before = committed.get();
                        long head = reader.head().seq();
                        assertThat(head).as("a head asked after seq %d was committed", before)
                                .isGreaterThanOrEqualTo(before);
                        asked++;
                    }
                    return asked;
                }));
            }
            ChainHead last = writing.get();
            for (Future<Long> asker : asking) {
                assertThat(asker.get()).isPositive();
            }
            assertThat(reader.head()).isEqualTo(last);
        } finally {
            executor.shutdownNow();
        }
    }
}
