package dev.paperplane.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.audit.StoredLine;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every audit store must do, written once: a store's test extends this class and opens a writer and
 * readers on one fresh store per test.
 */
public abstract class AuditStoreContract {

    private final List<AuditAppendPort> writers = new ArrayList<>();

    /** Opens the single writer of this test's fresh store. */
    protected abstract AuditAppendPort openWriter();

    /** Opens a reader on the same store. */
    protected abstract AuditReadPort openReader();

    /** Opens a writer that the contract closes after the test. */
    protected final AuditAppendPort writer() {
        AuditAppendPort writer = openWriter();
        writers.add(writer);
        return writer;
    }

    @AfterEach
    void closeWriters() {
        writers.forEach(AuditAppendPort::close);
    }

    /** Appends {@code events} after the writer's head and returns the records sealed. */
    protected static List<EncodedRecord> append(AuditAppendPort writer, List<? extends AuditEvent> events) {
        List<EncodedRecord> batch = SampleEvents.seal(writer.head(), events);
        writer.append(batch);
        return batch;
    }

    private static <T> List<T> all(Stream<T> stream) {
        try (stream) {
            return stream.toList();
        }
    }

    @Test
    void anEmptyStoresHeadIsGenesis() {
        assertThat(writer().head()).isEqualTo(ChainHead.GENESIS);
        assertThat(openReader().head()).isEqualTo(ChainHead.GENESIS);
    }

    @Test
    void anEmptyStoreReadsNothing() {
        AuditReadPort reader = openReader();
        assertThat(reader.read(1)).isEmpty();
        assertThat(all(reader.readAfter(0))).isEmpty();
    }

    @Test
    void anAppendedBatchBecomesTheHeadOfWriterAndReader() {
        AuditAppendPort writer = writer();
        List<EncodedRecord> batch = append(writer, SampleEvents.oneOfEach());
        assertThat(writer.head()).isEqualTo(SampleEvents.headOf(batch));
        assertThat(openReader().head()).isEqualTo(SampleEvents.headOf(batch));
    }

    @Test
    void recordsComeBackWithTheSameHashAndEqualEvents() {
        List<AuditEvent> events = SampleEvents.oneOfEach();
        List<EncodedRecord> batch = append(writer(), events);
        AuditReadPort reader = openReader();
        for (int i = 0; i < events.size(); i++) {
            AuditRecord record = reader.read(i + 1).orElseThrow();
            assertThat(record.seq()).isEqualTo(i + 1);
            assertThat(record.hash()).isEqualTo(batch.get(i).hash());
            assertThat(record.event()).isEqualTo(events.get(i));
        }
    }

    @Test
    void readAfterZeroStreamsEveryRecordInSeqOrder() {
        List<AuditEvent> events = SampleEvents.oneOfEach();
        append(writer(), events);
        List<AuditRecord> records = all(openReader().readAfter(0));
        assertThat(records).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(records).extracting(AuditRecord::event).containsExactlyElementsOf(events);
    }

    @Test
    void readAfterFromTheMiddleStartsAtTheNextSeq() {
        AuditAppendPort writer = writer();
        append(writer, SampleEvents.events(30));
        append(writer, SampleEvents.events(30).subList(1, 30));
        List<AuditRecord> records = all(openReader().readAfter(41));
        assertThat(records).extracting(AuditRecord::seq).containsExactly(42L, 43L, 44L, 45L, 46L, 47L, 48L, 49L,
                50L, 51L, 52L, 53L, 54L, 55L, 56L, 57L, 58L, 59L);
    }

    @Test
    void readingBeyondTheHeadOrBeforeTheFirstSeqFindsNothing() {
        append(writer(), SampleEvents.oneOfEach());
        AuditReadPort reader = openReader();
        assertThat(reader.read(7)).isEmpty();
        assertThat(reader.read(1_000_000)).isEmpty();
        assertThat(reader.read(0)).isEmpty();
        assertThat(reader.read(-1)).isEmpty();
        assertThat(all(reader.readAfter(6))).isEmpty();
        assertThat(all(reader.readAfter(100))).isEmpty();
    }

    @Test
    void aNegativeReadAfterStartsAtTheFirstRecord() {
        append(writer(), SampleEvents.oneOfEach());
        assertThat(all(openReader().readAfter(-5))).extracting(AuditRecord::seq).startsWith(1L).hasSize(6);
    }

    @Test
    void linesAfterStreamsEveryRecordsLineExactlyAsSealedWithoutItsNewline() {
        AuditAppendPort writer = writer();
        List<EncodedRecord> sealed = new ArrayList<>(append(writer, SampleEvents.oneOfEach()));
        sealed.addAll(append(writer, SampleEvents.events(30)));
        List<StoredLine> lines = all(openReader().linesAfter(0));
        assertThat(lines).extracting(StoredLine::seq).containsExactlyElementsOf(
                sealed.stream().map(EncodedRecord::seq).toList());
        for (int i = 0; i < sealed.size(); i++) {
            byte[] line = sealed.get(i).line();
            assertThat(lines.get(i).bytes()).as("seq %d", i + 1).isEqualTo(Arrays.copyOf(line, line.length - 1));
        }
    }

    @Test
    void linesAfterStartsAtTheNextSeqAndFindsNothingBeyondTheHeadOrInAnEmptyStore() {
        assertThat(all(openReader().linesAfter(0))).isEmpty();
        List<EncodedRecord> sealed = append(writer(), SampleEvents.events(30));
        AuditReadPort reader = openReader();
        List<StoredLine> lines = all(reader.linesAfter(17));
        assertThat(lines).extracting(StoredLine::seq).startsWith(18L).endsWith(30L).hasSize(13);
        byte[] eighteenth = sealed.get(17).line();
        assertThat(lines.getFirst().bytes()).isEqualTo(Arrays.copyOf(eighteenth, eighteenth.length - 1));
        assertThat(all(reader.linesAfter(-3))).extracting(StoredLine::seq).startsWith(1L).hasSize(30);
        assertThat(all(reader.linesAfter(30))).isEmpty();
        assertThat(all(reader.linesAfter(1_000))).isEmpty();
    }

    @Test
    void aBatchWhoseFirstSeqDoesNotFollowTheHeadIsRefusedAndNothingIsWritten() {
        AuditAppendPort writer = writer();
        List<EncodedRecord> first = append(writer, SampleEvents.oneOfEach());
        ChainHead head = writer.head();
        long bytes = openReader().storage().bytes();

        List<EncodedRecord> replayed = SampleEvents.seal(ChainHead.GENESIS, SampleEvents.oneOfEach());
        assertThatThrownBy(() -> writer.append(replayed)).isInstanceOf(IllegalArgumentException.class);
        List<EncodedRecord> gap = SampleEvents.seal(new ChainHead(head.seq() + 1, head.hash()),
                SampleEvents.oneOfEach());
        assertThatThrownBy(() -> writer.append(gap)).isInstanceOf(IllegalArgumentException.class);

        AuditReadPort reader = openReader();
        assertThat(writer.head()).isEqualTo(head);
        assertThat(reader.head()).isEqualTo(SampleEvents.headOf(first));
        assertThat(reader.storage().bytes()).isEqualTo(bytes);
    }

    @Test
    void aBatchWithTheRightSeqButChainedToAnotherHashIsRefused() {
        AuditAppendPort writer = writer();
        append(writer, SampleEvents.oneOfEach());
        List<EncodedRecord> forged = SampleEvents.seal(new ChainHead(6, "0".repeat(64)), SampleEvents.oneOfEach());
        assertThatThrownBy(() -> writer.append(forged)).isInstanceOf(IllegalArgumentException.class);
        assertThat(openReader().head().seq()).isEqualTo(6);
    }

    @Test
    void aRefusedBatchLeavesTheWriterUsable() {
        AuditAppendPort writer = writer();
        append(writer, SampleEvents.oneOfEach());
        List<EncodedRecord> stale = SampleEvents.seal(ChainHead.GENESIS, SampleEvents.oneOfEach());
        assertThatThrownBy(() -> writer.append(stale)).isInstanceOf(IllegalArgumentException.class);
        append(writer, SampleEvents.oneOfEach());
        assertThat(openReader().head().seq()).isEqualTo(12);
    }

    @Test
    void anEmptyBatchChangesNothing() {
        AuditAppendPort writer = writer();
        writer.append(List.of());
        assertThat(writer.head()).isEqualTo(ChainHead.GENESIS);
        assertThat(openReader().head()).isEqualTo(ChainHead.GENESIS);
    }

    @Test
    void aReaderOpenedBeforeAnAppendSeesTheNewRecordsAfterwards() {
        AuditAppendPort writer = writer();
        AuditReadPort reader = openReader();
        assertThat(reader.head()).isEqualTo(ChainHead.GENESIS);
        List<EncodedRecord> batch = append(writer, SampleEvents.oneOfEach());
        assertThat(reader.head()).isEqualTo(SampleEvents.headOf(batch));
        assertThat(reader.read(6)).isPresent();
        assertThat(all(reader.readAfter(3))).hasSize(3);
    }

    @Test
    void aStreamEndsAtTheHeadAsItWasWhenTheStreamWasOpened() {
        AuditAppendPort writer = writer();
        append(writer, SampleEvents.oneOfEach());
        AuditReadPort reader = openReader();
        try (Stream<AuditRecord> stream = reader.readAfter(0)) {
            append(writer, SampleEvents.oneOfEach());
            assertThat(stream.toList()).hasSize(6);
        }
        assertThat(all(reader.readAfter(0))).hasSize(12);
    }

    @Test
    void successiveBatchesFormOneContiguousChain() {
        AuditAppendPort writer = writer();
        List<EncodedRecord> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.addAll(append(writer, SampleEvents.events(7)));
        }
        List<AuditRecord> records = all(openReader().readAfter(0));
        assertThat(records).hasSize(35);
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).seq()).isEqualTo(i + 1);
            assertThat(records.get(i).hash()).isEqualTo(all.get(i).hash());
        }
    }

    @Test
    void aGroupOfBatchesIsAppendedAsOneContiguousChainInOrder() {
        AuditAppendPort writer = writer();
        append(writer, SampleEvents.events(3));
        List<EncodedRecord> first = SampleEvents.seal(writer.head(), SampleEvents.events(4));
        List<EncodedRecord> second = SampleEvents.seal(SampleEvents.headOf(first), SampleEvents.events(5));

        writer.appendBatches(List.of(first, List.of(), second));

        List<AuditRecord> records = all(openReader().readAfter(3));
        assertThat(records).extracting(AuditRecord::seq).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(records.getLast().hash()).isEqualTo(second.getLast().hash());
        assertThat(writer.head()).isEqualTo(SampleEvents.headOf(second)).isEqualTo(openReader().head());
    }

    @Test
    void aGroupWithABatchThatDoesNotContinueTheOneBeforeIsRefusedWholeAndNothingIsWritten() {
        AuditAppendPort writer = writer();
        append(writer, SampleEvents.oneOfEach());
        ChainHead head = writer.head();
        long bytes = openReader().storage().bytes();
        List<EncodedRecord> first = SampleEvents.seal(head, SampleEvents.events(4));
        List<EncodedRecord> forked = SampleEvents.seal(head, SampleEvents.events(4));

        assertThatThrownBy(() -> writer.appendBatches(List.of(first, forked)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(writer.head()).isEqualTo(head);
        assertThat(openReader().head()).isEqualTo(head);
        assertThat(openReader().storage().bytes()).isEqualTo(bytes);
        writer.appendBatches(List.of(first));
        assertThat(openReader().head()).isEqualTo(SampleEvents.headOf(first));
    }

    @Test
    void storageGrowsWithEveryAppend() {
        AuditAppendPort writer = writer();
        AuditReadPort reader = openReader();
        long empty = reader.storage().bytes();
        List<EncodedRecord> batch = append(writer, SampleEvents.oneOfEach());
        long once = reader.storage().bytes();
        append(writer, SampleEvents.oneOfEach());
        long twice = reader.storage().bytes();
        long batchBytes = batch.stream().mapToLong(r -> r.line().length).sum();
        assertThat(once).isEqualTo(empty + batchBytes);
        assertThat(twice).isGreaterThan(once);
        assertThat(reader.storage().segments()).isPositive();
        assertThat(reader.storage().location()).isNotBlank();
    }

    @Test
    void aReopenedWriterContinuesFromTheStoredHead() {
        AuditAppendPort first = openWriter();
        List<EncodedRecord> batch = append(first, SampleEvents.oneOfEach());
        first.close();
        AuditAppendPort second = writer();
        assertThat(second.head()).isEqualTo(SampleEvents.headOf(batch));
        append(second, SampleEvents.oneOfEach());
        assertThat(all(openReader().readAfter(0))).hasSize(12);
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstIsOpen() {
        writer();
        assertThatThrownBy(this::openWriter).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aClosedWriterRefusesToAppend() {
        AuditAppendPort writer = openWriter();
        writer.close();
        List<EncodedRecord> batch = SampleEvents.seal(ChainHead.GENESIS, SampleEvents.oneOfEach());
        assertThatThrownBy(() -> writer.append(batch)).isInstanceOf(IllegalStateException.class);
        assertThat(openReader().head()).isEqualTo(ChainHead.GENESIS);
    }
}
