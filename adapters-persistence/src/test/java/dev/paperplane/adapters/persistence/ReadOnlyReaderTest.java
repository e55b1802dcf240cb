package dev.paperplane.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.snapshot.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadOnlyReaderTest {
    private static final Set<PosixFilePermission> READ_ONLY_DIR = PosixFilePermissions.fromString("r-xr-xr-x");
    private static final Set<PosixFilePermission> READ_ONLY_FILE = PosixFilePermissions.fromString("r--r--r--");

    @TempDir
    Path tmp;

    private void makeReadOnly(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, Files.isDirectory(path) ? READ_ONLY_DIR : READ_ONLY_FILE);
            }
        }
    }

    @AfterEach
    void makeWritableForCleanup() throws IOException {
        try (Stream<Path> paths = Files.walk(tmp)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    @Test
    void aReaderWorksOnAReadOnlyDirectoryAndChangesNothing() throws IOException {
        Path data = tmp.resolve("data");
        try (FileStoreWriter writer = FileStore.openWriter(data, 900)) {
            for (int i = 0; i < 4; i++) {
                Dirs.append(writer, dev.paperplane.application.contract.SampleEvents.events(5));
            }
            writer.store(new Snapshot(20, writer.head().hash(), Snapshot.CURRENT_SCHEMA,
                    "{}".getBytes(StandardCharsets.UTF_8)));
        }
        makeReadOnly(data);
        Map<String, String> before = Dirs.fingerprint(data);

        FileStoreReader reader = FileStore.openReader(data);
        assertThat(reader.head().seq()).isEqualTo(20);
        assertThat(reader.read(13)).isPresent();
        assertThat(Dirs.all(reader.readAfter(0))).hasSize(20);
        assertThat(reader.storage().segments()).isGreaterThan(1);
        assertThat(reader.list()).hasSize(1);
        assertThat(reader.load(20)).isPresent();

        assertThat(Dirs.fingerprint(data)).isEqualTo(before);
    }

    @Test
    void aReaderOfADirectoryNoWriterEverOpenedSeesAnEmptyLogAndCreatesNothing() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("empty"));
        FileStoreReader reader = FileStore.openReader(data);
        assertThat(reader.head()).isEqualTo(ChainHead.GENESIS);
        assertThat(reader.read(1)).isEmpty();
        assertThat(Dirs.all(reader.readAfter(0))).isEmpty();
        assertThat(reader.list()).isEmpty();
        assertThat(reader.load(1)).isEmpty();
        assertThat(reader.storage().bytes()).isZero();
        try (Stream<Path> entries = Files.list(data)) {
            assertThat(entries.toList()).isEqualTo(List.of());
        }
    }

    @Test
    void aMissingDataDirectoryIsAClearErrorNamingIt() {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> FileStore.openReader(missing))
                .isInstanceOf(FileStoreException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aFileInPlaceOfTheDataDirectoryIsAClearError() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> FileStore.openReader(file))
                .isInstanceOf(FileStoreException.class)
                .hasMessageContaining("is not a directory");
    }
}
