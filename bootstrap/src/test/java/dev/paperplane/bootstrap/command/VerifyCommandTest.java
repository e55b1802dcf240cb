package dev.paperplane.bootstrap.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreReader;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.replay.Replay;
import dev.paperplane.bootstrap.Cli;
import dev.paperplane.bootstrap.DataDirs;
import dev.paperplane.bootstrap.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperplane verify}: a read-only check that names the first bad seq and its byte offset. */
class VerifyCommandTest {
    private static final String SEGMENT = "segment-00000000000000000001.jsonl";

    @TempDir
    Path dir;

    private Path data;
    private Path segment;
    private ChainHead head;
    /** The log's lines, each with its newline; line i holds seq i + 1. */
    private List<byte[]> lines;
    /** The byte offset of each line in the segment. */
    private List<Long> offsets;
    /** A seq in the middle of the log. */
    private long middle;

    @BeforeEach
    void storeWithSnapshots() throws IOException {
        Path feed = Fixtures.feed(dir.resolve("feed.csv"), 60, "AAA,BBB", 5);
        Path config = Fixtures.config(dir.resolve("config.yaml"), "snapshot-every: 10000", "snapshot-every: 40");
        data = dir.resolve("data");
        Cli.ok("run", "--data", data, "--feed", feed, "--config", config);
        segment = data.resolve("audit").resolve(SEGMENT);
        assertThat(DataDirs.segments(data)).containsOnlyKeys(SEGMENT);
        head = FileStore.openReader(data).head();
        byte[] log = Files.readAllBytes(segment);
        lines = new ArrayList<>();
        offsets = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < log.length; i++) {
            if (log[i] == '\n') {
                offsets.add((long) start);
                lines.add(Arrays.copyOfRange(log, start, i + 1));
                start = i + 1;
            }
        }
        assertThat(lines).hasSize((int) head.seq());
        middle = head.seq() / 2;
    }

    private byte[] line(long seq) {
        return lines.get((int) seq - 1).clone();
    }

    private long offset(long seq) {
        return offsets.get((int) seq - 1);
    }

    private void rewriteLog(List<byte[]> newLines) throws IOException {
        try (var out = Files.newOutputStream(segment)) {
            for (byte[] line : newLines) {
                out.write(line);
            }
        }
    }

    private void replaceLine(long seq, byte[] replacement) throws IOException {
        List<byte[]> changed = new ArrayList<>(lines);
        changed.set((int) seq - 1, replacement);
        rewriteLog(changed);
    }

    /** Flips the lowest bit of the byte at {@code index} of the line holding {@code seq}. */
    private void flipBit(long seq, int index) throws IOException {
        byte[] line = line(seq);
        line[index] ^= 1;
        replaceLine(seq, line);
    }

    private static int indexAfter(byte[] line, String marker) {
        int at = new String(line, StandardCharsets.ISO_8859_1).indexOf(marker);
        assertThat(at).as("'%s' in the line", marker).isNotNegative();
        return at + marker.length();
    }

    private Cli.Result verifyFailsAt(long seq, long offset) {
        Cli.Result result = Cli.run("verify", "--data", data);
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("verify: first bad seq " + seq + " in " + SEGMENT + " at byte offset " + offset)
                .contains("verify: FAILED: ")
                .contains("the last good record is seq " + (seq - 1))
                .doesNotContain("\tat ");
        return result;
    }

    @Test
    void aGoodStoreVerifiesAndReportsRecordsHeadSnapshotsAndStateDigest() throws IOException {
        FileStoreReader reader = FileStore.openReader(data);
        long snapshots;
        try (Stream<Path> files = Files.list(data.resolve("snapshots"))) {
            snapshots = files.count();
        }
        assertThat(snapshots).isGreaterThan(2);
        String digest = new Replay(reader, reader, warning -> { }).toHead().state().digest();

        Cli.Result result = Cli.run("verify", "--data", data);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("verify: ok: " + head.seq() + " records, seq contiguous, chain intact (head "
                + head.hash() + "), " + snapshots + " snapshots equal to a replay; state digest " + digest
                + System.lineSeparator());
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aBitFlipInThePayloadOfAMiddleRecordIsReportedAtItsSeqAndOffset() throws IOException {
        byte[] line = line(middle);
        int payload = indexAfter(line, "\"payload\":{");
        int digit = payload;
        while (!Character.isDigit(line[digit])) {
            digit++;
        }
        flipBit(middle, digit);

        verifyFailsAt(middle, offset(middle));
    }

    @Test
    void aBitFlipInTheHashOfAMiddleRecordIsReportedAtItsSeqAndOffset() throws IOException {
        flipBit(middle, indexAfter(line(middle), "\"hash\":\"") + 10);

        verifyFailsAt(middle, offset(middle));
    }

    @Test
    void aBitFlipInTheSeqFieldOfAMiddleRecordIsReportedAtItsSeqAndOffset() throws IOException {
        int afterSeq = indexAfter(line(middle), "{\"seq\":");
        int lastDigit = new String(line(middle), StandardCharsets.ISO_8859_1).indexOf(',', afterSeq) - 1;
        flipBit(middle, lastDigit);

        verifyFailsAt(middle, offset(middle));
    }

    @Test
    void aDeletedRecordIsReportedWhereItsSeqIsMissing() throws IOException {
        List<byte[]> changed = new ArrayList<>(lines);
        changed.remove((int) middle - 1);
        rewriteLog(changed);

        verifyFailsAt(middle, offset(middle));
    }

    @Test
    void aDuplicatedRecordIsReportedAtTheCopy() throws IOException {
        List<byte[]> changed = new ArrayList<>(lines);
        changed.add((int) middle, line(middle));
        rewriteLog(changed);

        verifyFailsAt(middle + 1, offset(middle + 1));
    }

    @Test
    void twoSwappedRecordsAreReportedAtTheFirstOfThem() throws IOException {
        List<byte[]> changed = new ArrayList<>(lines);
        changed.set((int) middle - 1, line(middle + 1));
        changed.set((int) middle, line(middle));
        rewriteLog(changed);

        verifyFailsAt(middle, offset(middle));
    }

    @Test
    void aCorruptedSnapshotIsReported() throws IOException {
        List<Path> snapshots;
        try (Stream<Path> files = Files.list(data.resolve("snapshots"))) {
            snapshots = files.sorted().toList();
        }
        Path victim = snapshots.get(snapshots.size() / 2);
        long seq = Long.parseLong(victim.getFileName().toString().replaceAll("\\D", ""));
        byte[] bytes = Files.readAllBytes(victim);
        bytes[bytes.length - 10] ^= 1;
        Files.write(victim, bytes);

        Cli.Result result = Cli.run("verify", "--data", data);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("verify: snapshot at seq " + seq + ": ").contains("verify: FAILED");
    }

    @Test
    void verifyWritesNothing() {
        SortedMap<String, String> before = DataDirs.checksums(data);

        assertThat(Cli.run("verify", "--data", data).exitCode()).isZero();

        assertThat(DataDirs.checksums(data)).isEqualTo(before);
    }

    @Test
    void verifyWritesNothingWhenTheLogIsCorruptOrHasATornTail() throws IOException {
        flipBit(middle, indexAfter(line(middle), "\"hash\":\"") + 10);
        Files.write(segment, "{\"seq\":".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        SortedMap<String, String> before = DataDirs.checksums(data);

        assertThat(Cli.run("verify", "--data", data).exitCode()).isNotZero();

        assertThat(DataDirs.checksums(data)).isEqualTo(before);
    }

    @Test
    void aTornTailIsNotPartOfTheLogAndIsLeftInPlace() throws IOException {
        byte[] next = line(head.seq());
        Files.write(segment, Arrays.copyOf(next, next.length / 2), StandardOpenOption.APPEND);
        SortedMap<String, String> before = DataDirs.checksums(data);

        Cli.Result result = Cli.run("verify", "--data", data);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("verify: ok: " + head.seq() + " records");
        assertThat(DataDirs.checksums(data)).isEqualTo(before);
    }

    @Test
    void aTornTailIsReportedWithItsSizeAndWhatTheNextRunDoesWithIt() throws IOException {
        long end = Files.size(segment);
        byte[] next = line(head.seq());
        int torn = next.length / 2;
        Files.write(segment, Arrays.copyOf(next, torn), StandardOpenOption.APPEND);

        Cli.Result result = Cli.run("verify", "--data", data);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactly(result.out().lines().findFirst().orElseThrow(),
                "verify: torn tail: " + torn + " byte(s) after the last newline of " + SEGMENT + " (from byte offset "
                        + end + ") are not part of the log and readers ignore them; the next run moves them to "
                        + "quarantine/ and cuts them from the segment");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aSessionStartedWhoseFingerprintIsNotTheHashOfItsConfigIsReportedAtItsSeq() throws IOException {
        byte[] first = line(1);
        int at = indexAfter(first, "\"fingerprint\":\"");
        String recorded = new String(first, at, 64, StandardCharsets.US_ASCII);
        byte[] forged = first.clone();
        forged[at] = (byte) (recorded.charAt(0) == '0' ? '1' : '0');
        replaceLine(1, forged);
        DataDirs.rechain(data);

        Cli.Result result = verifyFailsAt(1, 0);

        assertThat(result.err()).contains("verify: audit log corrupt at seq 1 (" + SEGMENT + ", byte offset 0): "
                + "the SessionStarted fingerprint " + new String(forged, at, 64, StandardCharsets.US_ASCII)
                + " is not the SHA-256 of its config, which hashes to " + recorded);
    }
}
