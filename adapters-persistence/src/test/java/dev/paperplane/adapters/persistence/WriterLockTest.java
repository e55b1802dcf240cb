package dev.paperplane.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.contract.SampleEvents;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class WriterLockTest {
    @TempDir
    Path data;

    @Test
    void aSecondWriterInTheSameProcessIsRefusedWithTheDirectoryAndLockFile() {
        try (FileStoreWriter first = FileStore.openWriter(data)) {
            assertThat(first.head().seq()).isZero();
            assertThatThrownBy(() -> FileStore.openWriter(data))
                    .isInstanceOf(FileStoreException.class)
                    .hasMessageContaining("data directory " + data.toAbsolutePath())
                    .hasMessageContaining("lock file " + data.toAbsolutePath().resolve("writer.lock"))
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aClosedWriterReleasesTheLock() {
        FileStore.openWriter(data).close();
        try (FileStoreWriter again = FileStore.openWriter(data)) {
            assertThat(again.dataDir()).isEqualTo(data.toAbsolutePath());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aWriterInAnotherProcessBlocksUntilThatProcessIsKilled() throws Exception {
        Dirs.fill(data, 1, 3);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), data.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("holding");

            assertThatThrownBy(() -> FileStore.openWriter(data))
                    .isInstanceOf(FileStoreException.class)
                    .hasMessageContaining("already open for writing")
                    .hasMessageContaining("writer.lock")
                    .hasMessageContaining("pid " + holder.pid());
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        assertThat(Files.exists(data.resolve("writer.lock"))).isTrue();
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            assertThat(writer.head().seq()).isEqualTo(3);
            Dirs.append(writer, SampleEvents.events(2));
        }
        assertThat(FileStore.openReader(data).head().seq()).isEqualTo(5);
    }

    /** Opens a writer in a separate JVM and holds it until killed. */
    public static final class LockHolder {
        // a static field keeps the writer, and so its lock, reachable until the process dies
        static FileStoreWriter writer;

        private LockHolder() {
        }

        public static void main(String[] args) throws InterruptedException {
            writer = FileStore.openWriter(Path.of(args[0]));
            System.out.println("holding");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
