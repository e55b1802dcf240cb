package dev.paperplane.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.contract.SampleEvents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TailingReaderTest {
    private static final int BATCHES = 150;
    private static final int BATCH = 4;

    @TempDir
    Path data;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aReaderTailingAWriterSeesOnlyCompleteContiguousRecords() throws Exception {
        List<EncodedRecord> written = new ArrayList<>();
        FileStoreWriter writer = FileStore.openWriter(data, 4096);
        FileStoreReader reader = FileStore.openReader(data);
        AtomicBoolean done = new AtomicBoolean();

        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try (writer) {
                for (int i = 0; i < BATCHES; i++) {
                    written.addAll(Dirs.append(writer, SampleEvents.events(BATCH)));
                }
            } finally {
                done.set(true);
            }
        });
        CompletableFuture<List<AuditRecord>> reading = CompletableFuture.supplyAsync(() -> {
            List<AuditRecord> seen = new ArrayList<>();
            long last = 0;
            while (true) {
                boolean finished = done.get();
                ChainHead head = reader.head();
                assertThat(head.seq()).isGreaterThanOrEqualTo(last);
                for (AuditRecord record : Dirs.all(reader.readAfter(last))) {
                    assertThat(record.seq()).isEqualTo(last + 1);
                    seen.add(record);
                    last = record.seq();
                }
                if (finished && last == head.seq()) {
                    return seen;
                }
            }
        });

        writing.get();
        List<AuditRecord> seen = reading.get();
        assertThat(seen).hasSize(BATCHES * BATCH);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i).hash()).isEqualTo(written.get(i).hash());
        }
    }
}
