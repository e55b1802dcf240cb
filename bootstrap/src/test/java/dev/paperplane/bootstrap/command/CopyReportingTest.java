package dev.paperplane.bootstrap.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.application.copy.CopyAuditTrail;
import dev.paperplane.application.copy.CopyListener.Pass;
import dev.paperplane.bootstrap.Cli;
import dev.paperplane.bootstrap.Fixtures;
import dev.paperplane.bootstrap.LogRecords;
import dev.paperplane.bootstrap.progress.ProgressReporter;
import dev.paperplane.bootstrap.progress.Terminal;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CopyAuditTrail} between data directories as {@code copy} wires it ({@link CopyCommand#copy}): the progress
 * of its passes, and the warning for a skipped snapshot.
 */
class CopyReportingTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    /** A clock a second further on at every reading, so each update redraws. */
    private long now;
    private StoreTarget.Directory source;
    private long head;

    @BeforeEach
    void runASessionWithSnapshots() {
        source = new StoreTarget.Directory(dir.resolve("source"));
        Path config = Fixtures.config(dir.resolve("config.yaml"), "snapshot-every: 10000", "snapshot-every: 50");
        Path feed = Fixtures.feed(dir.resolve("feed.csv"), 60, "AAA,BBB", 5);
        String summary = Cli.ok("run", "--data", source.dir(), "--feed", feed, "--config", config).out();
        head = Long.parseLong(summary.replaceFirst("(?s).*head seq (\\d+),.*", "$1"));
    }

    @Test
    void eachPassOverTheRecordsDrawsItsProgressUpToTheSourceHeadAndErasesIt() {
        CopyCommand.copy(source, new StoreTarget.Directory(dir.resolve("target")), FileStore.DEFAULT_SEGMENT_BYTES,
                this::reporter);

        String total = " / %,d records (100%%)".formatted(head);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("\r" + Pass.READING.label() + ": " + String.format("%,d", head) + total)
                .contains("\r" + Pass.COPYING.label() + ": " + String.format("%,d", head) + total)
                .contains("\r" + Pass.VERIFYING.label() + ": " + String.format("%,d", head) + total)
                .endsWith("\r\033[K");
    }

    @Test
    void theCopyCommandPrintsOnlyItsSummaryWhenStderrIsNotATerminal() {
        String before = System.getProperty(Terminal.STDERR_PROPERTY);
        System.setProperty(Terminal.STDERR_PROPERTY, "false");
        Cli.Result copy;
        try {
            copy = Cli.ok("copy", "--from", source.dir(), "--to", dir.resolve("target"));
        } finally {
            if (before == null) {
                System.clearProperty(Terminal.STDERR_PROPERTY);
            } else {
                System.setProperty(Terminal.STDERR_PROPERTY, before);
            }
        }

        assertThat(copy.err()).isEmpty();
        assertThat(copy.out()).startsWith("copy: " + head + " records copied").hasLineCount(1);
    }

    @Test
    void aDamagedSnapshotIsSkippedWithOneWarningOfTheCopyLogger() throws IOException {
        Path damaged;
        try (Stream<Path> snapshots = Files.list(source.dir().resolve("snapshots"))) {
            damaged = snapshots.min(Comparator.naturalOrder()).orElseThrow();
        }
        Files.writeString(damaged, "not a snapshot", StandardCharsets.UTF_8);

        CopyAuditTrail.Result result;
        List<String> warnings;
        try (LogRecords log = LogRecords.of("paperplane")) {
            result = CopyCommand.copy(source, new StoreTarget.Directory(dir.resolve("target")),
                    FileStore.DEFAULT_SEGMENT_BYTES, label -> ProgressReporter.silent());
            warnings = log.lines();
        }

        assertThat(result.snapshotsSkipped()).isEqualTo(1);
        assertThat(warnings).singleElement().asString()
                .startsWith("WARNING paperplane.copy: the snapshot at seq ")
                .contains(" of " + source.describe() + " is not copied: ");
    }

    private ProgressReporter reporter(String label) {
        return new ProgressReporter(label, "records", err, () -> now += TimeUnit.SECONDS.toNanos(1));
    }
}
