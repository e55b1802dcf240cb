package dev.paperplane.bootstrap.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreReader;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.feed.SyntheticFeed;
import dev.paperplane.application.replay.Replay;
import dev.paperplane.bootstrap.Cli;
import dev.paperplane.bootstrap.DataDirs;
import dev.paperplane.bootstrap.Fixtures;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.audit.SessionStarted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code paperplane run}: determinism, exactly-once over restarts, refusals and bad feed input. */
class RunCommandTest {
    private static final String INSTRUMENTS = "AAA,BBB";
    private static final long SEED = 11;
    /** 60 bars of each of two instruments: bar lines 2..121 of the feed file. */
    private static final int BARS = 60;
    /** The line a bad-input test breaks; the 50 bars on lines 2..51 come before it. */
    private static final int BAD_LINE = 52;

    @TempDir
    Path dir;

    private Path feed(int barsPerInstrument) {
        return Fixtures.feed(dir.resolve("feed-" + barsPerInstrument + ".csv"), barsPerInstrument, INSTRUMENTS, SEED);
    }

    private static SortedMap<String, String> segmentChecksums(Path data) {
        SortedMap<String, String> sums = DataDirs.checksums(data);
        sums.keySet().removeIf(name -> !name.startsWith("audit/"));
        return sums;
    }

    private static long count(List<AuditRecord> records, Class<?> type) {
        return records.stream().filter(r -> type.isInstance(r.event())).count();
    }

    @Test
    void twoRunsOfOneFeedAndConfigurationIntoFreshDataDirsWriteByteIdenticalLogs() {
        Path feed = feed(BARS);
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");

        Cli.ok("run", "--data", first, "--feed", feed);
        Cli.ok("run", "--data", second, "--feed", feed);

        assertThat(segmentChecksums(first)).isNotEmpty().isEqualTo(segmentChecksums(second));
        assertThat(DataDirs.records(first)).hasSizeGreaterThan(2 * BARS);
    }

    @Test
    void runningTheSameFeedAgainAppendsNothing() {
        Path feed = feed(BARS);
        Path data = dir.resolve("data");
        Cli.ok("run", "--data", data, "--feed", feed);
        SortedMap<String, String> before = DataDirs.checksums(data);

        Cli.Result again = Cli.ok("run", "--data", data, "--feed", feed);

        assertThat(again.out()).contains((2 * BARS) + " bars read (" + (2 * BARS) + " already in the log), 0 events appended");
        // The lock file records the writer's pid, which is this JVM's in both runs.
        assertThat(DataDirs.checksums(data)).isEqualTo(before);
    }

    @Test
    void aFeedExtendedWithLaterBarsContinuesWhereTheLogEndsWithANewSession() throws IOException {
        Path shorter = feed(BARS);
        Path longer = feed(BARS + 40);
        assertThat(Files.readString(longer)).startsWith(Files.readString(shorter));
        Path data = dir.resolve("data");
        Cli.ok("run", "--data", data, "--feed", shorter);
        byte[] logBefore = DataDirs.log(data);
        long headBefore = FileStore.openReader(data).head().seq();

        Cli.Result extended = Cli.ok("run", "--data", data, "--feed", longer);

        assertThat(extended.out()).contains((2 * (BARS + 40)) + " bars read (" + (2 * BARS) + " already in the log)");
        byte[] logAfter = DataDirs.log(data);
        assertThat(Arrays.copyOf(logAfter, logBefore.length)).isEqualTo(logBefore);
        List<AuditRecord> records = DataDirs.records(data);
        assertThat(records.get((int) headBefore - 1).event()).isInstanceOf(SessionCompleted.class);
        AuditRecord next = records.get((int) headBefore);
        assertThat(next.seq()).isEqualTo(headBefore + 1);
        assertThat(next.event()).isInstanceOfSatisfying(SessionStarted.class, started -> {
            assertThat(started.feed().name()).isEqualTo(longer.getFileName().toString());
            assertThat(started.time()).isEqualTo(SyntheticFeed.START.plus(SyntheticFeed.STEP.multipliedBy(BARS)));
        });
        assertThat(count(records, MarketBarObserved.class)).isEqualTo(2L * (BARS + 40));
        assertThat(Cli.run("verify", "--data", data).exitCode()).isZero();
    }

    @Test
    void aRunWhoseConfigurationFingerprintDiffersIsRefusedAndWritesNothing() {
        Path data = dir.resolve("data");
        Cli.ok("run", "--data", data, "--feed", feed(BARS));
        SortedMap<String, String> before = DataDirs.checksums(data);
        Path otherFees = Fixtures.config(dir.resolve("other-fees.yaml"), "fee-bps: 10", "fee-bps: 11");

        // a longer feed, so that a run which ignored the fingerprint would have bars to append
        Cli.Result refused = Cli.run("run", "--data", data, "--feed", feed(BARS + 20), "--config", otherFees);

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("paperplane: the configuration's fingerprint ")
                .contains("differs from", "recorded in the audit log", "Nothing was written")
                .hasLineCount(1);
        assertThat(refused.out()).isEmpty();
        // The lock file records the writer's pid, which is this JVM's in both runs.
        assertThat(DataDirs.checksums(data)).isEqualTo(before);
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                bad("malformed line", fields -> new String[] {"this is not a bar"}, "expected 7 columns"),
                bad("missing column", fields -> Arrays.copyOf(fields, 6), "expected 7 columns"
                        + " (time,instrument,open,high,low,close,volume), found 6"),
                bad("non-numeric price", fields -> with(fields, 5, "12.5x"), "close '12.5x' is not a plain decimal number"),
                bad("negative price", fields -> with(fields, 4, "-1.5"), "low -1.5 is negative"),
                bad("high below low", fields -> with(with(with(with(fields, 2, "1"), 3, "0.5"), 4, "1"), 5, "1"),
                        "high 0.50000000 is below low 1.00000000"),
                bad("time going backwards for an instrument", fields -> with(fields, 0, SyntheticFeed.START.toString()),
                        "time 2024-01-02T00:00:00Z for AAA is not after its previous bar at 2024-01-02T00:24:00Z"),
                bad("unknown instrument format", fields -> with(fields, 1, "aaa"),
                        "instrument 'aaa' is not of the form [A-Z0-9][A-Z0-9._-]{0,31}"));
    }

    private static Arguments bad(String name, UnaryOperator<String[]> breakLine, String reason) {
        return Arguments.of(Named.of(name, breakLine), reason);
    }

    private static String[] with(String[] fields, int index, String value) {
        String[] changed = fields.clone();
        changed[index] = value;
        return changed;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void badFeedInputStopsTheRunNamingFileLineAndReasonKeepingEveryBarBeforeItAndNothingAfter(
            UnaryOperator<String[]> breakLine, String reason) throws IOException {
        Path clean = feed(BARS);
        List<String> lines = new ArrayList<>(Files.readAllLines(clean));
        assertThat(lines.get(BAD_LINE - 1)).startsWith("2024-01-02T00:25:00Z,AAA,");
        lines.set(BAD_LINE - 1, String.join(",", breakLine.apply(lines.get(BAD_LINE - 1).split(","))));
        Path broken = dir.resolve("broken.csv");
        Files.write(broken, lines);
        Path reference = dir.resolve("reference");
        Cli.ok("run", "--data", reference, "--feed", clean);
        Path data = dir.resolve("data");

        Cli.Result stopped = Cli.run("run", "--data", data, "--feed", broken);

        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.err()).startsWith("paperplane: " + broken + " line " + BAD_LINE + ": " + reason)
                .hasLineCount(1)
                .doesNotContain("Exception", "\tat ");
        // every bar before the bad line is in the log, durably and verifiably ...
        List<AuditRecord> records = DataDirs.records(data);
        assertThat(count(records, MarketBarObserved.class)).isEqualTo(BAD_LINE - 2);
        assertThat(Cli.run("verify", "--data", data).exitCode()).isZero();
        // ... and they are exactly the clean run's events up to the batch of the bar on the bad line (the chain
        // hashes differ from the clean run's: SessionStarted names the feed file and its SHA-256)
        List<AuditRecord> cleanRecords = DataDirs.records(reference);
        long firstSeqOfBadBar = cleanRecords.stream()
                .filter(r -> r.event() instanceof MarketBarObserved).skip(BAD_LINE - 2).findFirst().orElseThrow().seq();
        assertThat(records).hasSize((int) firstSeqOfBadBar - 1);
        assertThat(records.subList(1, records.size())).map(AuditRecord::event)
                .containsExactlyElementsOf(cleanRecords.subList(1, (int) firstSeqOfBadBar - 1).stream().map(AuditRecord::event).toList());
        assertThat(records.getFirst().event()).isInstanceOfSatisfying(SessionStarted.class, started -> {
            SessionStarted cleanStart = (SessionStarted) cleanRecords.getFirst().event();
            assertThat(started.feed().name()).isEqualTo("broken.csv");
            assertThat(started.fingerprint()).isEqualTo(cleanStart.fingerprint());
            assertThat(started.time()).isEqualTo(cleanStart.time());
        });
    }

    @Test
    void aMissingFeedFileStopsTheRunNamingItAndCreatesNoDataDirectory() {
        Path data = dir.resolve("data");
        Path absent = dir.resolve("absent.csv");

        Cli.Result missing = Cli.run("run", "--data", data, "--feed", absent);

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("paperplane: the feed " + absent + " does not exist or is not a file"
                + System.lineSeparator());
        assertThat(data).doesNotExist();
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCodeTwo() {
        Cli.Result result = Cli.run("run", "--data", dir.resolve("data"), "--feed", feed(BARS), "--speed", "fast");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown option '--speed'", "--config", "--data", "--feed").hasLineCount(1);
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aConfigurationNamingTheLiveExecutionPlaneIsRefusedAtStart() {
        Path live = Fixtures.config(dir.resolve("live.yaml"), "execution-plane: \"PAPER\"", "execution-plane: \"LIVE\"");
        Path data = dir.resolve("data");

        Cli.Result refused = Cli.run("run", "--data", data, "--feed", feed(BARS), "--config", live);

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("paperplane: configuration: key 'paperplane.execution-plane' (" + live + " line ")
                .contains("'LIVE' is not available", "PAPER only")
                .hasLineCount(1);
        assertThat(data).doesNotExist();
    }

    @Test
    void smallSegmentsRollAndStillVerifyAndReplayToTheSameState() throws IOException {
        Path feed = feed(BARS);
        Path oneSegment = dir.resolve("one-segment");
        Cli.ok("run", "--data", oneSegment, "--feed", feed);
        Path small = Fixtures.config(dir.resolve("small-segments.yaml"),
                "segment-bytes: 67108864", "segment-bytes: 4096", "snapshot-every: 10000", "snapshot-every: 40");
        Path data = dir.resolve("data");

        Cli.ok("run", "--data", data, "--feed", feed, "--config", small);

        SortedMap<String, byte[]> segments = DataDirs.segments(data);
        assertThat(segments).hasSizeGreaterThan(5);
        // storage settings are not part of the fingerprint: the same records, only cut into segments
        assertThat(DataDirs.log(data)).isEqualTo(DataDirs.log(oneSegment));
        List<AuditRecord> records = DataDirs.records(data);
        for (Map.Entry<String, byte[]> segment : segments.entrySet()) {
            long firstSeq = Long.parseLong(new String(segment.getValue(), 0, 40, StandardCharsets.UTF_8)
                    .replaceFirst("^\\{\"seq\":(\\d+),.*$", "$1"));
            assertThat(segment.getKey()).isEqualTo("segment-%020d.jsonl".formatted(firstSeq));
            // one bar's batch never spans two segments: each starts with the first event of a batch
            assertThat(records.get((int) firstSeq - 1).event())
                    .isInstanceOfAny(SessionStarted.class, MarketBarObserved.class, SessionCompleted.class);
        }
        Cli.Result verified = Cli.ok("verify", "--data", data);
        Cli.Result reference = Cli.ok("verify", "--data", oneSegment);
        assertThat(digest(verified)).isEqualTo(digest(reference));
        assertThat(verified.out()).containsPattern(" [1-9][0-9]* snapshots equal to a replay");
        FileStoreReader reader = FileStore.openReader(data);
        List<String> warnings = new ArrayList<>();
        var replayed = new Replay(reader, reader, warnings::add).toHead();
        assertThat(replayed.fromSnapshotSeq()).isEqualTo(reader.head().seq());
        assertThat(replayed.state().digest()).isEqualTo(digest(reference));
        assertThat(warnings).isEmpty();
    }

    private static String digest(Cli.Result verify) {
        return verify.out().replaceFirst("(?s)^.*state digest ([0-9a-f]{64}).*$", "$1");
    }
}
