package dev.paperplane.bootstrap.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.bootstrap.Cli;
import dev.paperplane.bootstrap.DataDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperplane feed synth}: a seeded, reproducible feed that {@code run} accepts. */
class FeedSynthCommandTest {

    @TempDir
    Path dir;

    private Cli.Result synth(Path out, long seed) {
        return Cli.ok("feed", "synth", "--bars", 300, "--instruments", "AAA,BB.B,C-1", "--seed", seed, "--out", out);
    }

    @Test
    void theSameArgumentsWriteTheSameBytes() throws IOException {
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");

        synth(first, 42);
        synth(second, 42);

        assertThat(Files.readAllBytes(first)).isNotEmpty().isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void anotherSeedWritesAnotherFeedOfTheSameShape() throws IOException {
        Path first = dir.resolve("first.csv");
        Path other = dir.resolve("other.csv");

        synth(first, 42);
        synth(other, 43);

        assertThat(Files.readAllLines(other)).hasSameSizeAs(Files.readAllLines(first));
        assertThat(DataDirs.sha256(Files.readAllBytes(other))).isNotEqualTo(DataDirs.sha256(Files.readAllBytes(first)));
    }

    @Test
    void itsOutputIsAcceptedByRun() {
        Path feed = dir.resolve("feed.csv");
        Cli.Result written = synth(feed, 42);
        assertThat(written.out()).isEqualTo("wrote " + feed + ": 900 bars of AAA,BB.B,C-1 (seed 42)" + System.lineSeparator());

        Cli.Result run = Cli.run("run", "--data", dir.resolve("data"), "--feed", feed);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("run: 900 bars read (0 already in the log), ");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aMissingSeedIsAUsageError() {
        Cli.Result result = Cli.run("feed", "synth", "--bars", 10, "--instruments", "AAA", "--out", dir.resolve("f.csv"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("option --seed is required");
        assertThat(dir.resolve("f.csv")).doesNotExist();
    }
}
