package dev.paperplane.adapters.persistence.postgres;

import static dev.paperplane.adapters.persistence.postgres.TestStore.all;
import static dev.paperplane.adapters.persistence.postgres.TestStore.append;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.contract.SampleEvents;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A superuser who disables the triggers and changes rows is caught by the chain, at the exact seq. */
class TamperingTest {
    private final TestStore store = new TestStore();

    @BeforeEach
    void fill() {
        try (PostgresStoreWriter writer = PostgresStore.openWriter(store.target)) {
            for (int i = 0; i < 3; i++) {
                append(writer, SampleEvents.oneOfEach());
            }
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Changes the instrument of bar seq 8 in its stored line, keeping the line well-formed and canonical. */
    private void alterBarAtSeq8() {
        store.tamper(Schema.RECORDS, "UPDATE " + store.table(Schema.RECORDS) + " SET line = convert_to(replace("
                + "convert_from(line, 'UTF8'), '\"ACME\"', '\"ACMF\"'), 'UTF8') WHERE seq = 8");
    }

    private void assertCorruptAt(long seq, String reason, ThrowingCallable read) {
        assertThatThrownBy(read)
                .isInstanceOfSatisfying(AuditCorruptionException.class, e -> {
                    assertThat(e.seq()).isEqualTo(seq);
                    assertThat(e.segment()).isEqualTo(store.schema + ".records");
                    assertThat(e.offset()).isEqualTo(-1);
                })
                .hasMessageContaining(reason);
    }

    @Test
    void anAlteredLineIsReportedAtItsSeqByANewReader() {
        alterBarAtSeq8();
        assertCorruptAt(8, "chain hash mismatch at seq 8", () -> store.reader().head());
    }

    @Test
    void anAlteredLineIsReportedByAReaderThatVerifiedItBeforeWhenItReadsItAgain() {
        PostgresStoreReader reader = store.reader();
        assertThat(reader.head().seq()).isEqualTo(18);
        alterBarAtSeq8();
        assertThat(reader.read(7)).isPresent();
        assertCorruptAt(8, "chain hash mismatch", () -> reader.read(8));
        assertCorruptAt(8, "chain hash mismatch", () -> reader.read(12));
        assertCorruptAt(8, "chain hash mismatch", () -> all(reader.readAfter(0)));
    }

    @Test
    void anAlteredLineIsReportedWhenAReaderThatVerifiedItBeforeStreamsItsStoredLines() {
        PostgresStoreReader reader = store.reader();
        assertThat(reader.head().seq()).isEqualTo(18);
        alterBarAtSeq8();
        assertCorruptAt(8, "chain hash mismatch at seq 8", () -> {
            try (var lines = reader.linesAfter(0)) {
                lines.toList();
            }
        });
    }

    @Test
    void aDeletedRecordIsReportedMissingAtItsSeq() {
        store.tamper(Schema.RECORDS, "DELETE FROM " + store.table(Schema.RECORDS) + " WHERE seq = 5");
        assertCorruptAt(5, "record 5 is missing", () -> store.reader().head());
    }

    @Test
    void aDeletedTailIsReportedByAReaderThatVerifiedIt() {
        PostgresStoreReader reader = store.reader();
        assertThat(reader.head().seq()).isEqualTo(18);
        store.tamper(Schema.RECORDS, "DELETE FROM " + store.table(Schema.RECORDS) + " WHERE seq >= 17");
        assertCorruptAt(17, "verified before", () -> all(reader.readAfter(10)));
        assertCorruptAt(17, "verified before", () -> reader.read(18));
    }

    @Test
    void aHashColumnAlteredAloneIsReported() {
        store.tamper(Schema.RECORDS, "UPDATE " + store.table(Schema.RECORDS) + " SET hash = repeat('0', 64) "
                + "WHERE seq = 4");
        assertCorruptAt(4, "the hash column holds", () -> store.reader().head());
    }

    @Test
    void theWriterRefusesToOpenOnADamagedEndOfTheLog() {
        store.tamper(Schema.RECORDS, "UPDATE " + store.table(Schema.RECORDS) + " SET line = convert_to(replace("
                + "convert_from(line, 'UTF8'), '\"ACME\"', '\"ACMF\"'), 'UTF8') WHERE seq = 14");
        assertCorruptAt(14, "chain hash mismatch", () -> PostgresStore.openWriter(store.target));
    }
}
