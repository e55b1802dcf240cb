package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per data directory: while a writer holds it, a second {@code run} is refused at once, naming the
 * directory and its lock, and writes nothing. The holder is a writer opened in this JVM; runs start in child JVMs
 * (another process) and in this JVM. No test here opens the lock file while holding it: see
 * {@link DataDirs#checksumsBesideAHeldLock}.
 */
class ConcurrentRunTest {

    @TempDir
    Path dir;

    private Path data;
    private Path longerFeed;

    @BeforeEach
    void dataDirWithALog() {
        data = dir.resolve("data");
        Cli.ok("run", "--data", data, "--feed", Fixtures.feed(dir.resolve("feed.csv"), 50, "AAA", 1));
        // a longer feed, so that a second run that got past the lock would append
        longerFeed = Fixtures.feed(dir.resolve("longer.csv"), 80, "AAA", 1);
    }

    private Cli.Result runInAnotherProcess() throws Exception {
        return ChildJvm.run(dir.resolve("logs"), List.of(), "run", "--data", data, "--feed", longerFeed);
    }

    private void assertRefusedNamingTheLock(Cli.Result refused) {
        Path absolute = data.toAbsolutePath().normalize();
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err())
                .startsWith("paperplane: the data directory " + absolute + " is already open for writing")
                .contains("lock file " + absolute.resolve("writer.lock"))
                .contains("pid " + ProcessHandle.current().pid())
                .hasLineCount(1);
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void aRunInAnotherProcessIsRefusedAtOnceNamingTheDataDirAndTheLock() throws Exception {
        Cli.Result refused;
        try (FileStoreWriter holder = FileStore.openWriter(data)) {
            SortedMap<String, String> before = DataDirs.checksumsBesideAHeldLock(data);

            refused = runInAnotherProcess();

            assertThat(DataDirs.checksumsBesideAHeldLock(data)).isEqualTo(before);
        }
        assertRefusedNamingTheLock(refused);
        assertThat(Cli.ok("run", "--data", data, "--feed", longerFeed).out()).contains("80 bars read (50 already in the log)");
    }

    @Test
    void aSecondRunInTheSameProcessIsRefusedAndLeavesTheFirstWritersLockInPlace() throws Exception {
        try (FileStoreWriter holder = FileStore.openWriter(data)) {
            SortedMap<String, String> before = DataDirs.checksumsBesideAHeldLock(data);

            Cli.Result refused = Cli.run("run", "--data", data, "--feed", longerFeed);

            assertRefusedNamingTheLock(refused);
            assertThat(DataDirs.checksumsBesideAHeldLock(data)).isEqualTo(before);
            // the refusal must not have dropped the holder's OS lock: another process is still kept out
            assertRefusedNamingTheLock(runInAnotherProcess());
            assertThat(DataDirs.checksumsBesideAHeldLock(data)).isEqualTo(before);
        }
    }
}
