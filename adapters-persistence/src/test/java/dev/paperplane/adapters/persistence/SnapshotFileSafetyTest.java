package dev.paperplane.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.snapshot.store.SnapshotWriteException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot files that would hurt the reader (too large for the heap, a FIFO that blocks whoever opens it) are
 * refused as damaged without being read or opened, and a failed snapshot write is an operational error that
 * leaves no temp file behind.
 */
class SnapshotFileSafetyTest {
    private static final String HASH = "ab".repeat(32);
    private static final long GIB = 1L << 30;

    @TempDir
    Path data;

    private static Snapshot snapshot(long seq) {
        return new Snapshot(seq, HASH, Snapshot.CURRENT_SCHEMA, ("{\"at\":" + seq + "}").getBytes(StandardCharsets.UTF_8));
    }

    private Layout storedAt(long... seqs) {
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            for (long seq : seqs) {
                writer.store(snapshot(seq));
            }
        }
        return new Layout(data);
    }

    private static String header(long seq, long stateBytes) {
        return "{\"schemaVersion\":1,\"seq\":" + seq + ",\"chainHash\":\"" + HASH + "\",\"checksum\":\"" + HASH
                + "\",\"stateBytes\":" + stateBytes + "}\n";
    }

    /** A sparse snapshot file: a valid header announcing {@code stateBytes}, that many zero bytes and a newline. */
    private static long sparseSnapshot(Path file, long seq, long stateBytes) throws IOException {
        byte[] header = header(seq, stateBytes).getBytes(StandardCharsets.US_ASCII);
        long size = header.length + stateBytes + 1;
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.write(header);
            sparse.setLength(size);
            sparse.seek(size - 1);
            sparse.write('\n');
        }
        return size;
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(process.waitFor()).isZero();
    }

    @Test
    void aOneGibibyteSnapshotWithAValidHeaderIsRefusedAsTooLargeAndTheNextOlderOneLoads() throws IOException {
        Layout layout = storedAt(5);
        long size = sparseSnapshot(layout.snapshot(9), 9, GIB);

        FileStoreReader reader = FileStore.openReader(data);
        SnapshotInfo newest = reader.list().getFirst();
        assertThat(newest.seq()).isEqualTo(9);
        assertThat(newest.sizeBytes()).isEqualTo(size);
        assertThat(newest.problem()).contains("too large: " + size + " bytes, more than the "
                + SnapshotFiles.MAX_FILE_BYTES + " a snapshot may have; its bytes were not read");
        assertThat(reader.load(9)).isEmpty();
        assertThat(reader.load(5)).hasValueSatisfying(s -> assertThat(s.stateText()).isEqualTo("{\"at\":5}"));
    }

    @Test
    void aHeaderAnnouncingMoreStateThanTheBoundIsRefusedBeforeItsStateIsRead() throws IOException {
        Layout layout = storedAt(5);
        long announced = Snapshot.MAX_STATE_BYTES + 1L;
        Files.writeString(layout.snapshot(9), header(9, announced) + "{}\n");

        FileStoreReader reader = FileStore.openReader(data);
        assertThat(reader.list().getFirst().problem()).contains("too large: the header announces " + announced
                + " state bytes, more than the " + Snapshot.MAX_STATE_BYTES + " a snapshot may have; its bytes were "
                + "not read");
        assertThat(reader.load(9)).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoNamedAsTheNewestSnapshotIsReportedAsDamagedWithoutBeingOpened() throws Exception {
        Layout layout = storedAt(5);
        mkfifo(layout.snapshot(9));

        FileStoreReader reader = FileStore.openReader(data);
        assertThat(reader.list().getFirst().problem()).hasValueSatisfying(p -> assertThat(p)
                .startsWith("not a regular file but a special file (FIFO, socket or device)"));
        assertThat(reader.load(9)).isEmpty();
        assertThat(reader.load(5)).isPresent();
        assertThat(reader.head().seq()).isZero();
    }

    @Test
    void aDirectoryOrASymbolicLinkNamedAsASnapshotIsReportedAsDamaged() throws IOException {
        Layout layout = storedAt(5);
        Files.createDirectory(layout.snapshot(7));
        Files.createSymbolicLink(layout.snapshot(9), layout.snapshot(5));

        FileStoreReader reader = FileStore.openReader(data);
        assertThat(reader.list()).extracting(info -> info.problem().orElse("intact")).containsExactly(
                "not a regular file but a symbolic link: " + layout.snapshot(9) + " was not opened; remove it",
                "not a regular file but a directory: " + layout.snapshot(7) + " was not opened; remove it",
                "intact");
        assertThat(reader.load(9)).isEmpty();
        assertThat(reader.load(7)).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void storingASnapshotWhereAFifoSitsIsRefusedWithoutOpeningIt() throws Exception {
        Layout layout = storedAt();
        mkfifo(layout.snapshot(9));
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            assertThatThrownBy(() -> writer.store(snapshot(9))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a different snapshot at seq 9 is already stored in " + layout.snapshot(9));
        }
    }

    @Test
    void aFullDiskDuringASnapshotWriteIsASnapshotWriteErrorAndLeavesNoTempFile() throws IOException {
        Layout layout = new Layout(data);
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            // the temp file's name leads to /dev/full, whose every write fails with ENOSPC, as on a full disk
            Files.createSymbolicLink(layout.snapshotTemp(9), Path.of("/dev/full"));
            assertThatThrownBy(() -> writer.store(snapshot(9))).isInstanceOf(SnapshotWriteException.class)
                    .hasMessageStartingWith("could not store the snapshot at seq 9 in " + layout.snapshots + ": ")
                    .hasMessageContaining("No space left on device");
        }
        assertThat(layout.snapshotTemp(9)).doesNotExist();
        assertThat(layout.snapshot(9)).doesNotExist();
        assertThat(FileStore.openReader(data).list()).isEmpty();
    }

    @Test
    void aSnapshotsDirectoryReplacedByAFileIsASnapshotWriteError() throws IOException {
        Layout layout = new Layout(data);
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            Files.delete(layout.snapshots);
            Files.writeString(layout.snapshots, "not a directory");
            assertThatThrownBy(() -> writer.store(snapshot(9))).isInstanceOf(SnapshotWriteException.class)
                    .hasMessageStartingWith("could not store the snapshot at seq 9 in " + layout.snapshots + ": ");
        }
        assertThat(Files.readString(layout.snapshots)).isEqualTo("not a directory");
    }
}
