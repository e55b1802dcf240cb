package dev.paperplane.adapters.persistence.postgres;

import static dev.paperplane.adapters.persistence.postgres.TestStore.all;
import static dev.paperplane.adapters.persistence.postgres.TestStore.append;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.contract.SampleEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads at every depth, across the reader's index intervals and its query pages, come back whole and verified. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepthTest {
    private static final int RECORDS = 1300;

    private TestStore store;
    private final List<EncodedRecord> log = new ArrayList<>();

    @BeforeAll
    void fill() {
        store = new TestStore();
        try (PostgresStoreWriter writer = PostgresStore.openWriter(store.target)) {
            for (int i = 0; i < RECORDS / 100; i++) {
                log.addAll(append(writer, SampleEvents.events(100)));
            }
        }
    }

    @AfterAll
    void close() {
        store.close();
    }

    static Stream<Long> seqs() {
        int interval = PostgresStoreReader.INDEX_INTERVAL;
        int page = PostgresStoreReader.PAGE;
        return LongStream.of(1, 2, interval - 1, interval, interval + 1, 2L * interval, page - 1, page, page + 1,
                2L * page, 2L * page + 1, RECORDS - 1, RECORDS).boxed();
    }

    @ParameterizedTest
    @MethodSource("seqs")
    void aFreshReaderReadsTheRecordAtAnySeq(long seq) {
        AuditRecord record = store.reader().read(seq).orElseThrow();
        assertThat(record.seq()).isEqualTo(seq);
        assertThat(record.hash()).isEqualTo(log.get((int) seq - 1).hash());
    }

    @ParameterizedTest
    @MethodSource("seqs")
    void readingAfterAnySeqStreamsTheRestInOrder(long after) {
        List<AuditRecord> records = all(store.reader().readAfter(after));
        assertThat(records).hasSize((int) (RECORDS - after));
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).seq()).isEqualTo(after + 1 + i);
            assertThat(records.get(i).hash()).isEqualTo(log.get((int) after + i).hash());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 127, 700, 1290})
    void aPageOfTheStreamIsTheRecordsRightAfterItsStart(long after) {
        try (Stream<AuditRecord> page = store.reader().readAfter(after)) {
            assertThat(page.limit(10).map(AuditRecord::seq).toList())
                    .containsExactlyElementsOf(LongStream.rangeClosed(after + 1, Math.min(after + 10, RECORDS))
                            .boxed().toList());
        }
    }
}
