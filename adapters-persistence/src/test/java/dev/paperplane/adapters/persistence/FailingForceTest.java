package dev.paperplane.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.audit.append.AuditWriteException;
import dev.paperplane.application.contract.SampleEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailingForceTest {
    @TempDir
    Path data;

    /** Forces normally {@code healthy} times, then fails every time, counting the calls. */
    private static final class FailingAfter implements Durability {
        private int healthy;
        int calls;

        FailingAfter(int healthy) {
            this.healthy = healthy;
        }

        @Override
        public void force(java.nio.channels.FileChannel channel) throws IOException {
            calls++;
            if (healthy-- <= 0) {
                throw new IOException("simulated fsync failure (EIO)");
            }
            channel.force(true);
        }
    }

    @Test
    void aFailingForceStopsTheWriterForGood() throws IOException {
        FailingAfter durability = new FailingAfter(1);
        try (FileStoreWriter writer = FileStore.openWriter(data, FileStore.DEFAULT_SEGMENT_BYTES, durability)) {
            List<EncodedRecord> acknowledged = Dirs.append(writer, SampleEvents.oneOfEach());
            List<EncodedRecord> second = SampleEvents.seal(writer.head(), SampleEvents.oneOfEach());
            assertThatThrownBy(() -> writer.append(second))
                    .isInstanceOf(AuditWriteException.class)
                    .hasMessageContaining("stopped for good")
                    .hasMessageContaining("simulated fsync failure")
                    .hasMessageContaining("records up to seq 6 are stored");
            assertThat(writer.head()).isEqualTo(SampleEvents.headOf(acknowledged));

            long size = Files.size(Dirs.firstSegment(data));
            assertThatThrownBy(() -> writer.append(second))
                    .isInstanceOf(AuditWriteException.class)
                    .hasMessageContaining("stopped for good after an earlier write failure");
            List<EncodedRecord> later = SampleEvents.seal(writer.head(), SampleEvents.oneOfEach());
            assertThatThrownBy(() -> writer.append(later)).isInstanceOf(AuditWriteException.class);
            assertThat(durability.calls).as("no retry").isEqualTo(2);
            assertThat(Files.size(Dirs.firstSegment(data))).as("nothing more written").isEqualTo(size);
        }
    }

    @Test
    void theLogOpensAfterAFailedForceWithEveryAcknowledgedRecord() {
        List<EncodedRecord> acknowledged = new ArrayList<>();
        try (FileStoreWriter writer = FileStore.openWriter(data, FileStore.DEFAULT_SEGMENT_BYTES,
                new FailingAfter(2))) {
            acknowledged.addAll(Dirs.append(writer, SampleEvents.oneOfEach()));
            acknowledged.addAll(Dirs.append(writer, SampleEvents.events(4)));
            List<EncodedRecord> failed = SampleEvents.seal(writer.head(), SampleEvents.oneOfEach());
            assertThatThrownBy(() -> writer.append(failed)).isInstanceOf(AuditWriteException.class);
        }
        try (FileStoreWriter reopened = FileStore.openWriter(data)) {
            assertThat(reopened.head().seq()).isGreaterThanOrEqualTo(10);
        }
        FileStoreReader reader = FileStore.openReader(data);
        for (EncodedRecord record : acknowledged) {
            AuditRecord read = reader.read(record.seq()).orElseThrow();
            assertThat(read.hash()).isEqualTo(record.hash());
        }
    }

    @Test
    void aFailureWhileRollingToANewSegmentAlsoStopsTheWriter() throws IOException {
        try (FileStoreWriter writer = FileStore.openWriter(data, 100)) {
            Dirs.append(writer, SampleEvents.events(2));
            // a file where the next segment must be created makes creating it fail
            Files.createDirectories(new Layout(data).segment(3));
            List<EncodedRecord> next = SampleEvents.seal(writer.head(), SampleEvents.events(2));
            assertThatThrownBy(() -> writer.append(next)).isInstanceOf(AuditWriteException.class);
            assertThatThrownBy(() -> writer.append(next))
                    .isInstanceOf(AuditWriteException.class)
                    .hasMessageContaining("stopped for good");
            assertThat(writer.head()).isEqualTo(new ChainHead(2, writer.head().hash()));
        }
    }
}
