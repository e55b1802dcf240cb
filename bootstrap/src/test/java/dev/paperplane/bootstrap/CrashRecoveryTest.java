package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreReader;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.MarketBarObserved;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exactly-once under kill -9: a {@code run} in a child JVM is killed (SIGKILL) at seeded random points and run again
 * to completion; the final log is byte-identical to an uninterrupted run's, and {@code verify} passes with the same
 * state digest.
 *
 * <p>Each kill point is a seeded random position in the reference log plus a seeded random delay of up to a few
 * milliseconds: the child is killed once its log has grown past that position and the delay has passed. Positions,
 * not times, make the spread independent of the machine's speed; the delay lets the kill land anywhere in what the
 * child does next (encoding, the write, the fsync, a segment roll, a snapshot write). Positions in the first 4 % of
 * the log stand for kills during start-up, at a random time after the child starts, and positions beyond the end
 * let the child finish first: the assertions hold for those too, and at least half of all kills must land mid-run,
 * so the test cannot pass vacuously.
 */
class CrashRecoveryTest {
    private static final int KILLS = 22;
    private static final long SEED = 0x5EED_2024_0102L;

    @TempDir
    static Path dir;

    private static Path feed;
    private static Path config;
    private static SortedMap<String, String> referenceSegments;
    private static byte[] referenceLog;
    private static ChainHead referenceHead;
    private static String referenceDigest;

    @BeforeAll
    static void referenceRunNeverInterrupted() throws Exception {
        feed = Fixtures.feed(dir.resolve("feed.csv"), 1000, "AAA,BBB", 77);
        // small segments, frequent snapshots and groups of up to 40 bars under one force, so that kills also land
        // inside a group (its records written, not yet forced), between groups, in segment rolls and snapshot writes
        config = Fixtures.config(dir.resolve("config.yaml"), "segment-bytes: 67108864", "segment-bytes: 65536",
                "snapshot-every: 10000", "snapshot-every: 150", "group-bars: 10000", "group-bars: 40");
        Path reference = dir.resolve("reference");
        Cli.Result run = ChildJvm.run(dir.resolve("logs"), List.of(), "run", "--data", reference, "--feed", feed,
                "--config", config);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        referenceSegments = segmentChecksums(reference);
        referenceLog = DataDirs.log(reference);
        referenceHead = FileStore.openReader(reference).head();
        Cli.Result verified = Cli.ok("verify", "--data", reference);
        referenceDigest = digest(verified);
        assertThat(referenceSegments).hasSizeGreaterThan(5);
        assertThat(referenceHead.seq()).isGreaterThan(2000);
    }

    @Test
    void aRunKilledAtSeededRandomPointsAndRunAgainEndsWithTheLogOfARunNeverInterrupted() throws Exception {
        int midRun = 0;
        int beforeFirstAppend = 0;
        int afterTheEnd = 0;
        int tornTails = 0;
        int snapshotTemps = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            long seed = SEED + kill;
            SplittableRandom random = new SplittableRandom(seed);
            long position = random.nextLong(referenceLog.length + referenceLog.length / 10);
            long delayMicros = random.nextLong(3_000);
            // positions in the first 4 % of the log stand for kills during start-up: at a time, not a position
            boolean duringStartUp = position < referenceLog.length / 25;
            long startUpMillis = random.nextLong(400);
            Path data = dir.resolve("kill-" + kill);
            String what = "kill " + kill + " (seed " + seed + ", " + (duringStartUp ? startUpMillis + " ms after the start"
                    : "after " + position + " log bytes + " + delayMicros + " µs") + ")";

            try (ChildJvm.Child child = ChildJvm.start(dir.resolve("logs"), List.of(), "run", "--data", data, "--feed",
                    feed, "--config", config)) {
                if (duringStartUp) {
                    TimeUnit.MILLISECONDS.sleep(startUpMillis);
                } else {
                    awaitLogSize(child.process(), data, position);
                    TimeUnit.MICROSECONDS.sleep(delayMicros);
                }
                if (child.process().isAlive()) {
                    child.kill();
                } else {
                    Cli.Result finished = child.await();
                    assertThat(finished.exitCode()).as("%s: the child finished before the kill: %s", what, finished)
                            .isZero();
                }
            }

            // what the kill left: complete records are a prefix of the reference, snapshots are whole
            long appended = Files.isDirectory(data.resolve("audit")) ? FileStore.openReader(data).head().seq() : 0;
            if (appended == 0) {
                beforeFirstAppend++;
            } else if (appended < referenceHead.seq()) {
                midRun++;
            } else {
                afterTheEnd++;
            }
            byte[] left = DataDirs.log(data);
            int complete = completeLength(left);
            tornTails += left.length > complete ? 1 : 0;
            assertThat(Arrays.equals(left, 0, complete, referenceLog, 0, complete))
                    .as("%s: the complete records it left are the reference log's first %d bytes", what, complete)
                    .isTrue();
            snapshotTemps += snapshotTemps(data);
            if (Files.isDirectory(data.resolve("snapshots"))) {
                FileStoreReader reader = FileStore.openReader(data);
                assertThat(reader.list()).as("%s: no half snapshot", what).allMatch(SnapshotInfo::valid);
                Cli.Result crashed = Cli.run("verify", "--data", data);
                assertThat(crashed.exitCode()).as("%s: verify right after the kill: %s", what, crashed).isZero();
            }

            Cli.Result resumed = Cli.run("run", "--data", data, "--feed", feed, "--config", config);

            assertThat(resumed.exitCode()).as("%s: the resumed run: %s", what, resumed).isZero();
            assertThat(segmentChecksums(data)).as("%s: the final log", what).isEqualTo(referenceSegments);
            Cli.Result verified = Cli.run("verify", "--data", data);
            assertThat(verified.exitCode()).as("%s: verify: %s", what, verified).isZero();
            assertThat(digest(verified)).as("%s: state digest", what).isEqualTo(referenceDigest);
            assertThat(verified.out()).as(what).contains("(head " + referenceHead.hash() + ")");
            assertThat(snapshotTemps(data)).as("%s: temp files left after the resumed run", what).isZero();
        }
        System.out.printf("CrashRecoveryTest: %d kills: %d mid-run, %d before the first append, %d after the end;"
                        + " %d left a torn tail, %d left a snapshot temp file%n",
                KILLS, midRun, beforeFirstAppend, afterTheEnd, tornTails, snapshotTemps);
        assertThat(midRun).as("kills that landed mid-run, of %d (%d before the first append, %d after the end)",
                KILLS, beforeFirstAppend, afterTheEnd).isGreaterThanOrEqualTo(KILLS / 2);
    }

    @Test
    void aSnapshotTempFileLeftByACrashIsNeverReadAsASnapshotAndIsRemovedByTheNextRun() throws IOException {
        Path data = dir.resolve("temp-left");
        Path shortFeed = Fixtures.feed(dir.resolve("short.csv"), 100, "AAA,BBB", 77);
        Cli.ok("run", "--data", data, "--feed", shortFeed, "--config", config);
        Path snapshots = data.resolve("snapshots");
        List<Path> stored = list(snapshots);
        Path newest = stored.getLast();
        // what a crash between the temp file's creation and its rename leaves: a half-written snapshot
        byte[] whole = Files.readAllBytes(newest);
        long nextSeq = FileStore.openReader(data).head().seq() + 150;
        Path temp = snapshots.resolve("snapshot-%020d.json.tmp".formatted(nextSeq));
        Files.write(temp, Arrays.copyOf(whole, whole.length / 2));

        Cli.Result verified = Cli.run("verify", "--data", data);

        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out()).contains(" " + stored.size() + " snapshots equal to a replay");
        assertThat(FileStore.openReader(data).list()).hasSize(stored.size()).allMatch(SnapshotInfo::valid);

        Cli.Result resumed = Cli.run("run", "--data", data, "--feed", feed, "--config", config);

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(temp).doesNotExist();
        // the short feed's session was completed, so the full feed continues in a second session
        assertThat(Cli.run("verify", "--data", data).exitCode()).isZero();
    }

    /** Where a kill during a batch's write cut it short: a write stopped at a page boundary leaves a prefix. */
    enum Cut {
        INSIDE_THE_BAR_RECORD(0, 100),
        AFTER_THE_BAR_RECORD(1, 0),
        INSIDE_THE_DECISION_RECORD(1, 100),
        AFTER_THE_DECISION_RECORD(2, 0);

        final int wholeRecords;
        final int bytesOfTheNext;

        Cut(int wholeRecords, int bytesOfTheNext) {
            this.wholeRecords = wholeRecords;
            this.bytesOfTheNext = bytesOfTheNext;
        }
    }

    @ParameterizedTest
    @EnumSource(Cut.class)
    void aBatchCutShortByAKillDuringItsWriteIsCompletedByTheNextRun(Cut cut) throws IOException {
        Path shortFeed = Fixtures.feed(dir.resolve("cut-" + cut + ".csv"), 150, "AAA,BBB", 5);
        Path reference = dir.resolve("cut-reference-" + cut);
        Cli.ok("run", "--data", reference, "--feed", shortFeed);
        byte[] log = DataDirs.log(reference);
        List<AuditRecord> records = DataDirs.records(reference);
        // a bar whose batch holds a decision and its outcome, halfway through the log
        int bar = records.size() / 2;
        while (!(records.get(bar).event() instanceof MarketBarObserved
                && records.get(bar + 1).event() instanceof DecisionRecorded)) {
            bar++;
        }
        long cutAt = lineStart(log, bar + cut.wholeRecords) + cut.bytesOfTheNext;
        Path data = dir.resolve("cut-" + cut);
        Files.createDirectories(data.resolve("audit"));
        String segment = DataDirs.segments(reference).firstKey();
        Files.write(data.resolve("audit").resolve(segment), Arrays.copyOf(log, (int) cutAt));

        Cli.Result resumed = Cli.run("run", "--data", data, "--feed", shortFeed);

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(new String(DataDirs.log(data), StandardCharsets.UTF_8)).isEqualTo(new String(log, StandardCharsets.UTF_8));
        assertThat(Cli.run("verify", "--data", data).out()).isEqualTo(Cli.run("verify", "--data", reference).out());
    }

    /** The byte offset where the line at {@code index} (0-based) starts. */
    private static long lineStart(byte[] log, int index) {
        int line = 0;
        for (int i = 0; i < log.length; i++) {
            if (line == index) {
                return i;
            }
            if (log[i] == '\n') {
                line++;
            }
        }
        throw new IllegalArgumentException("the log has fewer than " + (index + 1) + " lines");
    }

    /** Waits until the child's log holds at least {@code bytes} bytes, or the child has exited. */
    private static void awaitLogSize(Process child, Path data, long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ChildJvm.BOUND_SECONDS);
        while (child.isAlive() && logSize(data) < bytes) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the child's log did not reach " + bytes + " bytes within "
                        + ChildJvm.BOUND_SECONDS + " s");
            }
            Thread.sleep(1);
        }
    }

    private static long logSize(Path data) {
        try (Stream<Path> segments = Files.list(data.resolve("audit"))) {
            long size = 0;
            for (Path segment : segments.toList()) {
                try {
                    size += Files.size(segment);
                } catch (NoSuchFileException e) {
                    // not yet there
                }
            }
            return size;
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The length of {@code log} up to and including its last newline: the complete records. */
    private static int completeLength(byte[] log) {
        int end = log.length;
        while (end > 0 && log[end - 1] != '\n') {
            end--;
        }
        return end;
    }

    private static int snapshotTemps(Path data) throws IOException {
        Path snapshots = data.resolve("snapshots");
        if (!Files.isDirectory(snapshots)) {
            return 0;
        }
        return (int) list(snapshots).stream().filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    private static SortedMap<String, String> segmentChecksums(Path data) {
        return DataDirs.checksums(data.resolve("audit"));
    }

    private static String digest(Cli.Result verify) {
        return verify.out().replaceFirst("(?s)^.*state digest ([0-9a-f]{64}).*$", "$1");
    }
}
