package dev.paperplane.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.contract.SampleEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader reports damage to a complete record with the exact seq, segment and byte offset. */
class ReaderCorruptionTest {
    private static final String SEGMENT = "segment-00000000000000000001.jsonl";

    @TempDir
    Path data;
    private Path segment;
    private byte[] original;
    private List<Integer> starts;

    @BeforeEach
    void tenRecords() throws IOException {
        Dirs.fill(data, 1, 10);
        segment = Dirs.firstSegment(data);
        original = Files.readAllBytes(segment);
        starts = Dirs.lineStarts(segment);
    }

    private byte[] line(int seq) {
        int from = starts.get(seq - 1);
        int to = seq < starts.size() ? starts.get(seq) : original.length;
        return Arrays.copyOfRange(original, from, to);
    }

    private void rewrite(List<byte[]> lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.write(line);
        }
        Files.write(segment, out.toByteArray());
    }

    private List<byte[]> lines() {
        List<byte[]> lines = new ArrayList<>();
        for (int seq = 1; seq <= 10; seq++) {
            lines.add(line(seq));
        }
        return lines;
    }

    private void flip(int offset) throws IOException {
        byte[] damaged = original.clone();
        damaged[offset] ^= 0x04;
        Files.write(segment, damaged);
    }

    private static void assertCorruptAt(ThrowingCallable call, long seq, long offset, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AuditCorruptionException.class, e -> {
            assertThat(e.seq()).isEqualTo(seq);
            assertThat(e.segment()).isEqualTo(SEGMENT);
            assertThat(e.offset()).isEqualTo(offset);
            assertThat(e.getMessage()).contains(reason);
        });
    }

    @Test
    void aBitFlipInAPayloadIsReportedAtItsSeqAndOffset() throws IOException {
        int at = starts.get(4) + new String(line(5), StandardCharsets.UTF_8).indexOf("\"open\":\"") + 9;
        flip(at);
        assertCorruptAt(() -> FileStore.openReader(data).head(), 5, starts.get(4), "chain hash mismatch");
    }

    @Test
    void aBitFlipIsReportedWhenAReaderThatVerifiedTheLogBeforeStreamsItsStoredLines() throws IOException {
        AuditReadPort reader = FileStore.openReader(data);
        assertThat(reader.head().seq()).isEqualTo(10);
        flip(starts.get(4) + new String(line(5), StandardCharsets.UTF_8).indexOf("\"open\":\"") + 9);
        assertCorruptAt(() -> {
            try (var lines = reader.linesAfter(0)) {
                lines.toList();
            }
        }, 5, starts.get(4), "chain hash mismatch");
    }

    @Test
    void aBitFlipInAHashIsReportedAtItsSeqAndOffset() throws IOException {
        flip(starts.get(5) - 5); // inside the stored hash of seq 5
        assertCorruptAt(() -> FileStore.openReader(data).head(), 5, starts.get(4), "chain hash mismatch at seq 5");
    }

    @Test
    void aBitFlipInASeqIsReportedAtTheSeqExpectedThere() throws IOException {
        flip(starts.get(4) + "{\"seq\":".length()); // '5' becomes '1'
        assertCorruptAt(() -> FileStore.openReader(data).head(), 5, starts.get(4), "does not follow seq 4");
    }

    @Test
    void aDeletedRecordIsReportedWhereItIsMissing() throws IOException {
        List<byte[]> lines = lines();
        lines.remove(4);
        rewrite(lines);
        assertCorruptAt(() -> FileStore.openReader(data).head(), 5, starts.get(4), "seq 6 does not follow seq 4");
    }

    @Test
    void aDuplicatedRecordIsReportedWhereItRepeats() throws IOException {
        List<byte[]> lines = lines();
        lines.add(5, line(5));
        rewrite(lines);
        assertCorruptAt(() -> FileStore.openReader(data).head(), 6, starts.get(5), "seq 5 does not follow seq 5");
    }

    @Test
    void reorderedRecordsAreReportedAtTheFirstOutOfPlace() throws IOException {
        List<byte[]> lines = lines();
        lines.set(4, line(6));
        lines.set(5, line(5));
        rewrite(lines);
        assertCorruptAt(() -> FileStore.openReader(data).head(), 5, starts.get(4), "seq 6 does not follow seq 4");
    }

    @Test
    void readingPastACorruptRecordReportsItAndRecordsBeforeItStayReadable() throws IOException {
        flip(starts.get(6) + 70);
        AuditReadPort reader = FileStore.openReader(data);
        assertCorruptAt(() -> reader.read(9), 7, starts.get(6), "seq 7");
        assertThat(reader.read(6)).isPresent();
    }

    @Test
    void readAfterReportsACorruptionInTheRange() throws IOException {
        flip(starts.get(8) + 70);
        AuditReadPort reader = FileStore.openReader(data);
        assertCorruptAt(() -> Dirs.all(reader.readAfter(2)), 9, starts.get(8), "seq 9");
    }

    @Test
    void anIncompleteLastLineIsInvisibleUntilItIsComplete() throws IOException {
        AuditReadPort reader = FileStore.openReader(data);
        byte[] eleventh = SampleEvents.seal(reader.head(), List.of(SampleEvents.bar(11))).getFirst().line();
        Files.write(segment, Arrays.copyOf(eleventh, eleventh.length - 1), StandardOpenOption.APPEND);
        assertThat(reader.head().seq()).isEqualTo(10);
        assertThat(reader.read(11)).isEmpty();
        Files.write(segment, new byte[] {'\n'}, StandardOpenOption.APPEND);
        assertThat(reader.head().seq()).isEqualTo(11);
    }
}
