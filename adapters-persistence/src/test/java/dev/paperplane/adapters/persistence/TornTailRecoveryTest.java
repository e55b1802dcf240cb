package dev.paperplane.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.decision.Action;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TornTailRecoveryTest {
    @TempDir
    Path tmp;

    private static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    /** A store of {@code count} records in one segment; returns the records. */
    private static List<EncodedRecord> store(Path data, int count) {
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            return Dirs.append(writer, SampleEvents.events(count));
        }
    }

    @Test
    void aLastRecordCutAtAnyByteRecoversToThePreviousRecordAndQuarantinesTheBytes() throws IOException {
        Path reference = tmp.resolve("reference");
        List<EncodedRecord> records = store(reference, 4);
        byte[] full = bytes(Dirs.firstSegment(reference));
        int lastStart = full.length - records.getLast().line().length;
        ChainHead third = new ChainHead(3, records.get(2).hash());

        for (int cut = lastStart + 1; cut < full.length; cut++) {
            Path data = tmp.resolve("cut-" + cut);
            Files.createDirectories(data.resolve("audit"));
            Files.write(Dirs.firstSegment(data), Arrays.copyOf(full, cut));

            try (FileStoreWriter writer = FileStore.openWriter(data)) {
                assertThat(writer.head()).isEqualTo(third);
                TornTailRecovery recovery = writer.recovery().orElseThrow();
                assertThat(recovery.segment()).isEqualTo("segment-00000000000000000001.jsonl");
                assertThat(recovery.offset()).isEqualTo(lastStart);
                assertThat(recovery.bytes()).isEqualTo(cut - lastStart);
                assertThat(recovery.quarantineFile())
                        .isEqualTo(data.toAbsolutePath().resolve("quarantine/segment-00000000000000000001.jsonl-at-"
                                + lastStart + ".torn"));
                assertThat(bytes(recovery.quarantineFile())).isEqualTo(Arrays.copyOfRange(full, lastStart, cut));
            }
            assertThat(bytes(Dirs.firstSegment(data))).isEqualTo(Arrays.copyOf(full, lastStart));
        }
    }

    @Test
    void aCleanLogNeedsNoRecovery() {
        Path data = tmp.resolve("data");
        store(data, 3);
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            assertThat(writer.recovery()).isEmpty();
            assertThat(writer.head().seq()).isEqualTo(3);
        }
    }

    @Test
    void aRecoveredLogTakesNewBatchesAndReadsBackContiguously() throws IOException {
        Path data = tmp.resolve("data");
        store(data, 5);
        Files.write(Dirs.firstSegment(data), "{\"seq\":6,\"ty".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            assertThat(writer.recovery()).isPresent();
            Dirs.append(writer, SampleEvents.events(3));
        }
        assertThat(Dirs.all(FileStore.openReader(data).readAfter(0)))
                .extracting(r -> r.seq()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void garbageAppendedAfterTheLastRecordIsQuarantined() throws IOException {
        assertTailIsQuarantined("garbage\nmore garbage\nand no newline".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void zeroBytesAppendedAfterTheLastRecordAreQuarantined() throws IOException {
        assertTailIsQuarantined(new byte[4096]);
    }

    @Test
    void zeroBytesEndingInANewlineAreQuarantined() throws IOException {
        byte[] tail = new byte[100];
        tail[99] = '\n';
        assertTailIsQuarantined(tail);
    }

    private void assertTailIsQuarantined(byte[] tail) throws IOException {
        Path data = tmp.resolve("data");
        List<EncodedRecord> records = store(data, 3);
        byte[] intact = bytes(Dirs.firstSegment(data));
        Files.write(Dirs.firstSegment(data), tail, StandardOpenOption.APPEND);
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            assertThat(writer.head()).isEqualTo(SampleEvents.headOf(records));
            TornTailRecovery recovery = writer.recovery().orElseThrow();
            assertThat(recovery.offset()).isEqualTo(intact.length);
            assertThat(bytes(recovery.quarantineFile())).isEqualTo(tail);
            assertThat(recovery.describe()).contains("segment-00000000000000000001.jsonl",
                    "offset " + intact.length, tail.length + " byte(s)", recovery.quarantineFile().toString());
        }
        assertThat(bytes(Dirs.firstSegment(data))).isEqualTo(intact);
    }

    @Test
    void aUtf8CharacterSplitAtTheTailIsRecovered() throws IOException {
        Path data = tmp.resolve("data");
        DecisionRecorded euro = new DecisionRecorded(SampleEvents.T0, "s", 1, "ACME", Action.BUY,
                SampleEvents.d("1"), "price in \u20ac", new TreeMap<>());
        List<EncodedRecord> records;
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            records = Dirs.append(writer, List.of(SampleEvents.sessionStarted(), euro));
        }
        byte[] full = bytes(Dirs.firstSegment(data));
        String text = new String(full, StandardCharsets.UTF_8);
        int euroAt = text.substring(0, text.indexOf('\u20ac')).getBytes(StandardCharsets.UTF_8).length;
        Files.write(Dirs.firstSegment(data), Arrays.copyOf(full, euroAt + 2)); // 2 of the euro sign's 3 bytes
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            assertThat(writer.head()).isEqualTo(new ChainHead(1, records.getFirst().hash()));
            assertThat(writer.recovery()).isPresent();
        }
    }

    @Test
    void aCompleteLastRecordWithABadHashIsQuarantinedAsATornTail() throws IOException {
        Path data = tmp.resolve("data");
        List<EncodedRecord> records = store(data, 3);
        byte[] full = bytes(Dirs.firstSegment(data));
        full[full.length - 10] ^= 0x01; // inside the hash of the last record
        Files.write(Dirs.firstSegment(data), full);
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            assertThat(writer.head()).isEqualTo(new ChainHead(2, records.get(1).hash()));
            assertThat(writer.recovery().orElseThrow().reason()).contains("hash");
        }
    }

    @Test
    void aBadRecordFollowedByIntactRecordsIsCorruptionAndNothingIsWritten() throws IOException {
        Path data = tmp.resolve("data");
        store(data, 5);
        byte[] full = bytes(Dirs.firstSegment(data));
        int third = Dirs.lineStarts(Dirs.firstSegment(data)).get(2);
        full[third + 60] ^= 0x01;
        Files.write(Dirs.firstSegment(data), full);
        Map<String, String> before = Dirs.fingerprint(data);

        assertThatThrownBy(() -> FileStore.openWriter(data))
                .isInstanceOfSatisfying(AuditCorruptionException.class, e -> {
                    assertThat(e.seq()).isEqualTo(3);
                    assertThat(e.segment()).isEqualTo("segment-00000000000000000001.jsonl");
                    assertThat(e.offset()).isEqualTo(third);
                    assertThat(e.getMessage()).contains("intact record follows");
                });
        Map<String, String> after = Dirs.fingerprint(data);
        after.remove("writer.lock"); // the failed writer held the lock and noted its pid
        before.remove("writer.lock");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aFailedOpenReleasesTheLock() throws IOException {
        Path data = tmp.resolve("data");
        store(data, 3);
        byte[] full = bytes(Dirs.firstSegment(data));
        full[Dirs.lineStarts(Dirs.firstSegment(data)).get(1) + 60] ^= 0x01;
        Files.write(Dirs.firstSegment(data), full);
        assertThatThrownBy(() -> FileStore.openWriter(data)).isInstanceOf(AuditCorruptionException.class);
        assertThatThrownBy(() -> FileStore.openWriter(data)).isInstanceOf(AuditCorruptionException.class);
    }

    @Test
    void aSecondCrashAtTheSameOffsetKeepsTheFirstQuarantineFile() throws IOException {
        Path data = tmp.resolve("data");
        store(data, 3);
        long intact = Files.size(Dirs.firstSegment(data));
        Files.write(Dirs.firstSegment(data), "first crash".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        Path first;
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            first = writer.recovery().orElseThrow().quarantineFile();
        }
        Files.write(Dirs.firstSegment(data), "second crash".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            TornTailRecovery second = writer.recovery().orElseThrow();
            assertThat(second.offset()).isEqualTo(intact);
            assertThat(second.quarantineFile()).isNotEqualTo(first);
            assertThat(Files.readString(second.quarantineFile())).isEqualTo("second crash");
        }
        assertThat(Files.readString(first)).isEqualTo("first crash");
    }

    /** A store whose single segment is larger than the tail window the writer verifies at open. */
    private static List<EncodedRecord> largeStore(Path data) throws IOException {
        List<EncodedRecord> records = store(data, 8_000);
        assertThat(Files.size(Dirs.firstSegment(data))).isGreaterThan(2 * TailRecovery.TAIL_WINDOW);
        return records;
    }

    @Test
    void aTornTailOfALargeSegmentIsCutAfterVerifyingOnlyTheSegmentsTailWindow() throws IOException {
        Path data = tmp.resolve("data");
        List<EncodedRecord> records = largeStore(data);
        Path segment = Dirs.firstSegment(data);
        byte[] intact = bytes(segment);
        byte[] damaged = intact.clone();
        damaged[Dirs.lineStarts(segment).get(4) + 60] ^= 0x01; // seq 5, far before the window
        Files.write(segment, damaged);
        Files.write(segment, "{\"seq\":8001,\"ty".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            assertThat(writer.head()).isEqualTo(SampleEvents.headOf(records));
            assertThat(writer.recovery().orElseThrow().offset()).isEqualTo(intact.length);
        }
        assertThatThrownBy(() -> FileStore.openReader(data).read(6))
                .isInstanceOfSatisfying(AuditCorruptionException.class, e -> assertThat(e.seq()).isEqualTo(5));
    }

    @Test
    void aBadRecordInALargeSegmentsTailWindowFollowedByIntactRecordsIsCorruption() throws IOException {
        Path data = tmp.resolve("data");
        largeStore(data);
        Path segment = Dirs.firstSegment(data);
        byte[] full = bytes(segment);
        int bad = Dirs.lineStarts(segment).get(7_996);
        full[bad + 60] ^= 0x01;
        Files.write(segment, full);

        assertThatThrownBy(() -> FileStore.openWriter(data))
                .isInstanceOfSatisfying(AuditCorruptionException.class, e -> {
                    assertThat(e.seq()).isEqualTo(7_997);
                    assertThat(e.offset()).isEqualTo(bad);
                    assertThat(e.getMessage()).contains("intact record follows");
                });
    }

    @Test
    void aBadLastRecordOfALargeSegmentIsQuarantinedAsATornTail() throws IOException {
        Path data = tmp.resolve("data");
        List<EncodedRecord> records = largeStore(data);
        Path segment = Dirs.firstSegment(data);
        byte[] full = bytes(segment);
        full[full.length - 10] ^= 0x01; // inside the hash of the last record
        Files.write(segment, full);
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            assertThat(writer.head()).isEqualTo(new ChainHead(7_999, records.get(7_998).hash()));
            assertThat(writer.recovery().orElseThrow().reason()).contains("hash");
        }
    }
}
