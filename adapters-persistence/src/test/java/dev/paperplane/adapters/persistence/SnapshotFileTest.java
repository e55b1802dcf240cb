package dev.paperplane.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileTest {
    private static final String HASH = "ab".repeat(32);

    @TempDir
    Path data;

    private Snapshot snapshot(long seq, String state) {
        return new Snapshot(seq, HASH, Snapshot.CURRENT_SCHEMA, state.getBytes(StandardCharsets.UTF_8));
    }

    private Path stored(Snapshot snapshot) {
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            writer.store(snapshot);
        }
        return new Layout(data).snapshot(snapshot.seq());
    }

    @Test
    void aSnapshotFileIsAHeaderLineTheStateAndANewline() throws IOException {
        Snapshot snapshot = snapshot(12, "{\"cash\":\"1.00000000\"}");
        Path file = stored(snapshot);
        assertThat(file.getFileName().toString()).isEqualTo("snapshot-00000000000000000012.json");
        assertThat(Files.readString(file)).isEqualTo("{\"schemaVersion\":1,\"seq\":12,\"chainHash\":\"" + HASH
                + "\",\"checksum\":\"" + snapshot.checksum() + "\",\"stateBytes\":21}\n"
                + "{\"cash\":\"1.00000000\"}\n");
    }

    @Test
    void aTruncatedSnapshotIsReportedAndNotLoaded() throws IOException {
        Path file = stored(snapshot(12, "{\"cash\":\"1.00000000\"}"));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
        FileStoreReader reader = FileStore.openReader(data);
        assertThat(reader.list().getFirst().problem()).hasValueSatisfying(p -> assertThat(p).startsWith("truncated"));
        assertThat(reader.load(12)).isEmpty();
    }

    @Test
    void aSnapshotCutInsideItsHeaderIsReportedAsUnreadable() throws IOException {
        Path file = stored(snapshot(12, "{}"));
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 30));
        SnapshotInfo info = FileStore.openReader(data).list().getFirst();
        assertThat(info.seq()).isEqualTo(12);
        assertThat(info.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("unreadable header"));
    }

    @Test
    void aSnapshotWithAGarbledHeaderIsReportedAsUnreadable() throws IOException {
        Path file = stored(snapshot(12, "{}"));
        Files.writeString(file, "{\"seq\":12}\n{}\n");
        assertThat(FileStore.openReader(data).list().getFirst().problem())
                .hasValueSatisfying(p -> assertThat(p).startsWith("unreadable header"));
    }

    @Test
    void aSnapshotWhoseHeaderDisagreesWithItsFileNameIsReported() throws IOException {
        Path file = stored(snapshot(12, "{}"));
        Files.move(file, file.resolveSibling("snapshot-00000000000000000013.json"));
        FileStoreReader reader = FileStore.openReader(data);
        assertThat(reader.list().getFirst().problem())
                .hasValueSatisfying(p -> assertThat(p).contains("header says seq 12", "file name says seq 13"));
        assertThat(reader.load(13)).isEmpty();
    }

    @Test
    void aCrashDuringASnapshotWriteLeavesNoHalfSnapshotAndTheWriterClearsTheTempFile() throws IOException {
        Path intact = stored(snapshot(5, "{\"at\":5}"));
        Layout layout = new Layout(data);
        byte[] whole = SnapshotFiles.encode(snapshot(9, "{\"at\":9,\"much\":\"more state\"}"));
        Files.write(layout.snapshotTemp(9), Arrays.copyOf(whole, whole.length / 2));

        FileStoreReader reader = FileStore.openReader(data);
        List<SnapshotInfo> listed = reader.list();
        assertThat(listed).extracting(SnapshotInfo::seq).containsExactly(5L);
        assertThat(listed.getFirst().valid()).isTrue();
        assertThat(reader.load(9)).isEmpty();

        FileStore.openWriter(data).close();
        assertThat(layout.snapshotTemp(9)).doesNotExist();
        assertThat(intact).exists();
    }

    @Test
    void aSnapshotCanBeStoredAgainAfterACrashLeftItsTempFile() throws IOException {
        Layout layout = new Layout(data);
        Files.createDirectories(layout.snapshots);
        Files.writeString(layout.snapshotTemp(9), "half");
        Snapshot snapshot = snapshot(9, "{\"at\":9}");
        stored(snapshot);
        assertThat(FileStore.openReader(data).load(9)).isPresent();
    }

    @Test
    void otherFilesInTheSnapshotDirectoryAreNotSnapshots() throws IOException {
        stored(snapshot(5, "{}"));
        Files.writeString(data.resolve("snapshots/notes.txt"), "hello");
        Files.writeString(data.resolve("snapshots/snapshot-12.json"), "{}");
        assertThat(FileStore.openReader(data).list()).extracting(SnapshotInfo::seq).containsExactly(5L);
    }
}
