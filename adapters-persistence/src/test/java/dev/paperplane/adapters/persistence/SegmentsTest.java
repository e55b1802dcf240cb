package dev.paperplane.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainVerifier;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.contract.SampleEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentsTest {
    @TempDir
    Path data;

    private List<EncodedRecord> appendBatches(FileStoreWriter writer, int batches, int size) {
        List<EncodedRecord> all = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            all.addAll(Dirs.append(writer, SampleEvents.events(size)));
        }
        return all;
    }

    @Test
    void segmentsHoldTheExactRecordLines() throws IOException {
        List<EncodedRecord> records;
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            records = Dirs.append(writer, SampleEvents.oneOfEach());
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (EncodedRecord record : records) {
            expected.write(record.line());
        }
        assertThat(Files.readAllBytes(data.resolve("audit/segment-00000000000000000001.jsonl")))
                .isEqualTo(expected.toByteArray());
    }

    @Test
    void aSegmentIsRolledBeforeTheBatchThatFindsItFullAndNoBatchSpansTwo() throws IOException {
        try (FileStoreWriter writer = FileStore.openWriter(data, 1000)) {
            appendBatches(writer, 8, 3);
        }
        TreeMap<Long, Path> segments = new Layout(data).segments();
        assertThat(segments).hasSizeGreaterThan(2);
        for (Map.Entry<Long, Path> segment : segments.entrySet()) {
            assertThat((segment.getKey() - 1) % 3).as("a segment starts with a batch").isZero();
            List<Integer> starts = Dirs.lineStarts(segment.getValue());
            assertThat(starts.size() % 3).as("whole batches only").isZero();
            for (int batch = 3; batch < starts.size(); batch += 3) {
                assertThat(starts.get(batch)).as("a batch is appended only below the limit").isLessThan(1000);
            }
            if (!segment.getKey().equals(segments.lastKey())) {
                assertThat(Files.size(segment.getValue())).as("rolled only once full").isGreaterThanOrEqualTo(1000);
            }
        }
        assertThat(FileStore.openReader(data).storage().segments()).isEqualTo(segments.size());
    }

    @Test
    void batchesAppendedTogetherLeaveTheSegmentFilesThatAppendingThemOneByOneLeaves() {
        List<List<EncodedRecord>> batches = new ArrayList<>();
        ChainHead head = ChainHead.GENESIS;
        for (int i = 0; i < 40; i++) {
            List<EncodedRecord> batch = SampleEvents.seal(head, SampleEvents.events(1 + i % 4));
            batches.add(batch);
            head = new ChainHead(batch.getLast().seq(), batch.getLast().hash());
        }
        Path oneByOne = data.resolve("one-by-one");
        Path together = data.resolve("together");
        try (FileStoreWriter writer = FileStore.openWriter(oneByOne, 700)) {
            batches.forEach(writer::append);
        }
        try (FileStoreWriter writer = FileStore.openWriter(together, 700)) {
            writer.appendBatches(batches.subList(0, 7));
            writer.appendBatches(batches.subList(7, 20));
            writer.appendBatches(batches.subList(20, 40));
            assertThat(writer.head()).isEqualTo(head);
        }

        assertThat(Dirs.fingerprint(together.resolve("audit"))).hasSizeGreaterThan(3)
                .isEqualTo(Dirs.fingerprint(oneByOne.resolve("audit")));
    }

    @Test
    void recordsAreReadAcrossSegments() {
        List<EncodedRecord> written;
        try (FileStoreWriter writer = FileStore.openWriter(data, 700)) {
            written = appendBatches(writer, 10, 4);
        }
        FileStoreReader reader = FileStore.openReader(data);
        assertThat(reader.storage().segments()).isGreaterThan(3);
        List<AuditRecord> all = Dirs.all(reader.readAfter(0));
        assertThat(all).hasSize(40);
        for (int i = 0; i < 40; i++) {
            assertThat(all.get(i).hash()).isEqualTo(written.get(i).hash());
            assertThat(reader.read(i + 1).orElseThrow().hash()).isEqualTo(written.get(i).hash());
        }
        assertThat(Dirs.all(reader.readAfter(17))).extracting(AuditRecord::seq).startsWith(18L).hasSize(23);
    }

    @Test
    void aReaderThatFoundTheLogIdleFollowsTheWriterIntoTheSegmentsItRollsToLater() throws IOException {
        try (FileStoreWriter writer = FileStore.openWriter(data, 700)) {
            appendBatches(writer, 3, 4);
            FileStoreReader reader = FileStore.openReader(data);
            assertThat(reader.head().seq()).isEqualTo(12);
            assertThat(reader.head().seq()).as("idle: the last listing stands").isEqualTo(12);

            List<EncodedRecord> later = appendBatches(writer, 6, 4);

            assertThat(new Layout(data).segments().lastKey()).as("the writer rolled").isGreaterThan(13);
            assertThat(reader.head()).isEqualTo(new ChainHead(36, later.getLast().hash()));
            assertThat(Dirs.all(reader.readAfter(12))).extracting(AuditRecord::hash)
                    .containsExactlyElementsOf(later.stream().map(EncodedRecord::hash).toList());
        }
    }

    @Test
    void storageCountsEverySegmentAndTheGrowthOfTheLastAsTheWriterAppends() throws IOException {
        try (FileStoreWriter writer = FileStore.openWriter(data, 700)) {
            FileStoreReader reader = FileStore.openReader(data);
            for (int round = 0; round < 4; round++) {
                appendBatches(writer, 2, 3);
                reader.head();
                TreeMap<Long, Path> files = new Layout(data).segments();
                long bytes = 0;
                for (Path file : files.values()) {
                    bytes += Files.size(file);
                }
                assertThat(reader.storage().segments()).as("round %d", round).isEqualTo(files.size());
                assertThat(reader.storage().bytes()).as("round %d", round).isEqualTo(bytes);
            }
        }
    }

    @Test
    void aReopenedWriterContinuesInTheLastSegment() {
        try (FileStoreWriter writer = FileStore.openWriter(data, 700)) {
            appendBatches(writer, 5, 4);
        }
        try (FileStoreWriter writer = FileStore.openWriter(data, 700)) {
            assertThat(writer.head().seq()).isEqualTo(20);
            appendBatches(writer, 5, 4);
        }
        assertThat(Dirs.all(FileStore.openReader(data).readAfter(0))).hasSize(40);
    }

    @Test
    void readsAtAnySeqOfALongLogMatchTheRecordsWritten() {
        List<EncodedRecord> written;
        try (FileStoreWriter writer = FileStore.openWriter(data, 256 * 1024)) {
            written = appendBatches(writer, 50, 100);
        }
        FileStoreReader reader = FileStore.openReader(data);
        assertThat(reader.head().seq()).isEqualTo(5000);
        for (long seq : new long[] {1, 2, 1023, 1024, 1025, 1026, 2048, 3333, 4999, 5000}) {
            assertThat(reader.read(seq).orElseThrow().hash()).isEqualTo(written.get((int) seq - 1).hash());
            List<AuditRecord> page = Dirs.all(reader.readAfter(seq - 1).limit(3));
            assertThat(page.getFirst().seq()).isEqualTo(seq);
        }
        ChainVerifier chain = new ChainVerifier(ChainHead.GENESIS);
        for (EncodedRecord record : written) {
            chain.verify(record.line(), 0, record.line().length - 1);
        }
        assertThat(reader.head()).isEqualTo(chain.head());
    }

    @Test
    void aMissingFirstSegmentIsCorruption() throws IOException {
        try (FileStoreWriter writer = FileStore.openWriter(data, 700)) {
            appendBatches(writer, 5, 4);
        }
        Files.delete(Dirs.firstSegment(data));
        assertThatThrownBy(() -> FileStore.openReader(data).head())
                .isInstanceOfSatisfying(AuditCorruptionException.class, e -> assertThat(e.seq()).isEqualTo(1));
        assertThatThrownBy(() -> FileStore.openWriter(data)).isInstanceOf(AuditCorruptionException.class);
    }

    @Test
    void aMissingMiddleSegmentIsCorruptionAtTheMissingSeq() throws IOException {
        try (FileStoreWriter writer = FileStore.openWriter(data, 700)) {
            appendBatches(writer, 8, 4);
        }
        TreeMap<Long, Path> segments = new Layout(data).segments();
        long second = segments.higherKey(1L);
        Files.delete(segments.get(second));
        assertThatThrownBy(() -> FileStore.openReader(data).head())
                .isInstanceOfSatisfying(AuditCorruptionException.class, e -> assertThat(e.seq()).isEqualTo(second));
    }
}
