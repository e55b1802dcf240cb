package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.application.audit.ChainHead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code run} whose writes fail as on a full disk, in a child JVM whose file size limit ({@code prlimit --fsize})
 * makes every write beyond it fail (EFBIG), whoever runs the test, root included: the run stops with exit 1 and a
 * message naming what failed and where, never as a bug, and what it appended before stays a valid log.
 */
class WriteFailureTest {
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final long LIMIT = 64 * 1024;

    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void prlimitIsInstalled() {
        assumeTrue(Files.isExecutable(PRLIMIT), "prlimit (util-linux) is not installed");
        data = dir.resolve("data");
    }

    private Cli.Result runLimited(Path feed, Path config) throws IOException, InterruptedException {
        return ChildJvm.run(dir.resolve("logs"), List.of(PRLIMIT.toString(), "--fsize=" + LIMIT, "--"), List.of(),
                "run", "--data", data, "--feed", feed, "--config", config);
    }

    private static String instruments(int count) {
        return String.join(",", Stream.iterate(100, i -> i + 1).limit(count).map(i -> "I" + i).toList());
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("snapshots"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void aSnapshotThatCannotBeWrittenStopsTheRunWithExitOneRemovesItsTempFileAndKeepsTheLog() throws Exception {
        // segments stay far below the limit; the snapshot of 120 instruments' windows does not
        Path feed = Fixtures.feed(dir.resolve("feed.csv"), 25, instruments(120), 3);
        Path config = Fixtures.config(dir.resolve("config.yaml"), "segment-bytes: 67108864", "segment-bytes: 8192");

        Cli.Result run = runLimited(feed, config);

        assertThat(run.exitCode()).as(run.toString()).isOne();
        ChainHead head = FileStore.openReader(data).head();
        assertThat(run.err()).startsWith("paperplane: the run stopped: could not store the snapshot at seq "
                        + head.seq() + " in " + data.toAbsolutePath().resolve("snapshots") + ": ")
                .contains("File too large")
                .contains("the audit log keeps every bar appended before it: make room (or make the snapshots "
                        + "directory writable) and run again to continue after them")
                .doesNotContain("a bug in paperplane");
        assertThat(tempFiles()).isEmpty();
        assertThat(FileStore.openReader(data).list()).isEmpty();
        assertThat(Cli.ok("verify", "--data", data).out()).startsWith("verify: ok: " + head.seq() + " records");
        SortedMap<String, byte[]> segments = DataDirs.segments(data);

        Cli.Result again = Cli.ok("run", "--data", data, "--feed", feed, "--config", config);

        assertThat(again.out()).contains("0 events appended");
        assertThat(DataDirs.segments(data)).containsOnlyKeys(segments.keySet());
    }

    @Test
    void aCopyWhoseSnapshotCannotBeWrittenExitsOneNamingIt() throws Exception {
        Path feed = Fixtures.feed(dir.resolve("feed.csv"), 25, instruments(120), 3);
        Path source = dir.resolve("source");
        Cli.ok("run", "--data", source, "--feed", feed);

        Cli.Result copy = ChildJvm.run(dir.resolve("logs"), List.of(PRLIMIT.toString(), "--fsize=" + LIMIT, "--"),
                List.of(), "copy", "--from", source, "--to", data, "--segment-bytes", 8192);

        assertThat(copy.exitCode()).as(copy.toString()).isOne();
        assertThat(copy.err()).startsWith("paperplane: could not store the snapshot at seq ")
                .contains(" in " + data.toAbsolutePath().resolve("snapshots") + ": ")
                .contains("File too large")
                .doesNotContain("a bug in paperplane");
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aFullDiskDuringAnAppendStopsTheRunSayingNoBarIsAcknowledgedBeforeItIsDurable() throws Exception {
        Path feed = Fixtures.feed(dir.resolve("feed.csv"), 400, "AAA,BBB", 3);
        Path config = Fixtures.config(dir.resolve("config.yaml"));

        Cli.Result run = runLimited(feed, config);

        assertThat(run.exitCode()).as(run.toString()).isOne();
        assertThat(run.err()).startsWith("paperplane: the run stopped: could not durably append records ")
                .contains("File too large")
                .contains("; no bar is acknowledged before it is durable, and running again continues after the "
                        + "last durable one")
                .doesNotContain("every bar acknowledged before it is durable");
        Cli.ok("run", "--data", data, "--feed", feed, "--config", config);
        assertThat(Cli.ok("verify", "--data", data).out()).startsWith("verify: ok: ");
    }
}
