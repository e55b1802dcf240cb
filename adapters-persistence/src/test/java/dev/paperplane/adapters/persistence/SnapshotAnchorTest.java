package dev.paperplane.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.application.snapshot.SnapshotCodec;
import dev.paperplane.application.verify.VerificationReport;
import dev.paperplane.application.verify.VerifyAuditTrail;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.runtime.RuntimeState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader starts its scan at an intact snapshot near the head that binds the chain, and still never returns a
 * record it has not verified: damage before the anchor is reported when those records are read, by every stream
 * from seq 1 and by verification. The log is a session start whose configuration folds, then bars.
 */
class SnapshotAnchorTest {
    private static final String SEGMENT = "segment-00000000000000000001.jsonl";
    private static final int RECORDS = 6_000;
    private static final int SNAPSHOT_AT = 5_900;
    private static final int BEFORE_WINDOW = 5;

    @TempDir
    Path data;
    private List<EncodedRecord> records;
    private List<AuditEvent> events;
    private List<Integer> starts;

    @BeforeEach
    void aLogWithASnapshotNearItsHead() {
        events = SampleEvents.foldingSession(RECORDS);
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            records = Dirs.append(writer, events);
            writer.store(SnapshotCodec.snapshot(SNAPSHOT_AT, hash(SNAPSHOT_AT), stateAt(SNAPSHOT_AT)));
        }
        starts = Dirs.lineStarts(Dirs.firstSegment(data));
        assertThat(SNAPSHOT_AT - SnapshotAnchor.WINDOW).isGreaterThan(BEFORE_WINDOW);
    }

    private String hash(int seq) {
        return records.get(seq - 1).hash();
    }

    private RuntimeState stateAt(int seq) {
        RuntimeState state = RuntimeState.EMPTY;
        for (AuditEvent event : events.subList(0, seq)) {
            state = state.apply(event);
        }
        return state;
    }

    /** Flips a bit inside the payload of record {@code seq}: its chain hash no longer verifies. */
    private void damage(int seq) throws IOException {
        Path segment = Dirs.firstSegment(data);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[starts.get(seq - 1) + 60] ^= 0x01;
        Files.write(segment, bytes);
    }

    private void assertCorruptAt(ThrowingCallable call, int seq) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AuditCorruptionException.class, e -> {
            assertThat(e.seq()).isEqualTo(seq);
            assertThat(e.segment()).isEqualTo(SEGMENT);
            assertThat(e.offset()).isEqualTo((long) starts.get(seq - 1));
            assertThat(e.getMessage()).contains("chain hash mismatch at seq " + seq);
        });
    }

    @Test
    void anAnchoredReaderServesTheHeadWithoutVerifyingRecordsBeforeTheAnchorWindow() throws IOException {
        damage(BEFORE_WINDOW);
        assertThat(FileStore.openReader(data).head()).isEqualTo(new ChainHead(RECORDS, hash(RECORDS)));
    }

    @Test
    void aDamagedRecordBeforeTheAnchorIsReportedWhenItIsRead() throws IOException {
        damage(BEFORE_WINDOW);
        FileStoreReader reader = FileStore.openReader(data);
        reader.head();
        assertCorruptAt(() -> reader.read(BEFORE_WINDOW + 100), BEFORE_WINDOW);
        assertThat(reader.read(RECORDS)).map(AuditRecord::hash).hasValue(hash(RECORDS));
    }

    @Test
    void aDamagedRecordBeforeTheAnchorIsReportedByEveryStreamThatPassesIt() throws IOException {
        damage(BEFORE_WINDOW);
        FileStoreReader reader = FileStore.openReader(data);
        reader.head();
        assertCorruptAt(() -> Dirs.all(reader.readAfter(0)), BEFORE_WINDOW);
        assertCorruptAt(() -> Dirs.all(reader.readAfter(2)), BEFORE_WINDOW);
        assertThat(Dirs.all(reader.readAfter(RECORDS - 2))).extracting(AuditRecord::seq)
                .containsExactly((long) RECORDS - 1, (long) RECORDS);
    }

    @Test
    void verificationReportsADamagedRecordBeforeTheAnchor() throws IOException {
        damage(BEFORE_WINDOW);
        FileStoreReader reader = FileStore.openReader(data);
        reader.head();
        VerificationReport report = new VerifyAuditTrail(reader, reader).verify(seq -> { });
        assertThat(report.corruption()).hasValueSatisfying(c -> {
            assertThat(c.seq()).isEqualTo(BEFORE_WINDOW);
            assertThat(c.offset()).isEqualTo((long) starts.get(BEFORE_WINDOW - 1));
        });
    }

    @Test
    void aDamagedRecordInsideTheAnchorWindowIsReportedByTheHead() throws IOException {
        damage(SNAPSHOT_AT - 10);
        assertCorruptAt(() -> FileStore.openReader(data).head(), SNAPSHOT_AT - 10);
    }

    @Test
    void aSnapshotWhoseChainHashIsNotTheLogsDoesNotAnchorAndTheScanStartsAtGenesis() throws IOException {
        Files.delete(new Layout(data).snapshot(SNAPSHOT_AT));
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            writer.store(SnapshotCodec.snapshot(RECORDS - 1, hash(RECORDS - 2), stateAt(RECORDS - 1)));
        }
        damage(BEFORE_WINDOW);
        assertCorruptAt(() -> FileStore.openReader(data).head(), BEFORE_WINDOW);
    }

    @Test
    void anAnchoredReaderReturnsEveryRecordAGenesisScanReturns() {
        FileStoreReader reader = FileStore.openReader(data);
        assertThat(reader.head().seq()).isEqualTo(RECORDS);
        for (int seq : new int[] {1, 2, 1025, SNAPSHOT_AT - SnapshotAnchor.WINDOW, SNAPSHOT_AT, RECORDS}) {
            assertThat(reader.read(seq)).map(AuditRecord::hash).hasValue(hash(seq));
        }
        assertThat(Dirs.all(reader.readAfter(0))).extracting(AuditRecord::hash)
                .containsExactlyElementsOf(records.stream().map(EncodedRecord::hash).toList());
    }
}
