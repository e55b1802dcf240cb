package dev.paperplane.adapters.persistence.postgres;

import static dev.paperplane.adapters.persistence.postgres.TestStore.append;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.append.AuditWriteException;
import dev.paperplane.application.contract.SampleEvents;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriterLockTest {
    private final TestStore store = new TestStore();

    @AfterEach
    void close() {
        store.close();
    }

    /** Ends the writer's server session as a crash or an operator would, and waits until it is gone. */
    private void terminate(PostgresStoreWriter writer) throws SQLException {
        try (Connection admin = store.server.admin(); Statement statement = admin.createStatement();
             ResultSet result = statement.executeQuery("SELECT pg_terminate_backend(" + writer.backendPid()
                     + ", 60000)")) {
            result.next();
            assertThat(result.getBoolean(1)).as("the writer's backend ended").isTrue();
        }
    }

    @Test
    void aSecondWriterIsRefusedAtOnceNamingTheStoreAndTheHoldingSession() {
        PostgresStoreWriter first = store.writer();
        assertThatThrownBy(() -> PostgresStore.openWriter(store.target))
                .isInstanceOf(PostgresStoreException.class)
                .hasMessageContaining("the store " + store.target.location() + " is already open for writing")
                .hasMessageContaining("backend pid " + first.backendPid())
                .hasMessageContaining("application 'paperplane writer'");
    }

    @Test
    void writersOfStoresInOtherSchemasDoNotBlockEachOther() {
        store.writer();
        try (TestStore other = new TestStore()) {
            PostgresStoreWriter second = other.writer();
            append(second, SampleEvents.oneOfEach());
            assertThat(second.head().seq()).isEqualTo(6);
        }
    }

    @Test
    void aKilledWritersLockGoesWithItsSession() throws SQLException {
        PostgresStoreWriter killed = store.writer();
        ChainHead committed = SampleEvents.headOf(append(killed, SampleEvents.oneOfEach()));
        terminate(killed);

        PostgresStoreWriter next = store.writer();
        assertThat(next.head()).isEqualTo(committed);
        append(next, SampleEvents.oneOfEach());
        assertThat(store.reader().head().seq()).isEqualTo(12);
    }

    @Test
    void aWriterWhoseSessionWasKilledFailsForGoodWithoutLosingWhatItCommitted() throws SQLException {
        PostgresStoreWriter writer = store.writer();
        ChainHead committed = SampleEvents.headOf(append(writer, SampleEvents.oneOfEach()));
        terminate(writer);

        assertThatThrownBy(() -> append(writer, SampleEvents.oneOfEach()))
                .isInstanceOf(AuditWriteException.class)
                .hasMessageContaining("could not commit records 7..12")
                .hasMessageContaining("records up to seq 6 are committed");
        assertThatThrownBy(() -> append(writer, SampleEvents.oneOfEach()))
                .isInstanceOf(AuditWriteException.class)
                .hasMessageContaining("stopped for good");
        assertThat(writer.head()).isEqualTo(committed);
        assertThat(store.reader().head()).isEqualTo(committed);
    }

    @Test
    void aBatchThatCannotBeCommittedStopsTheWriterEvenOnceTheCauseIsGone() {
        PostgresStoreWriter writer = store.writer();
        append(writer, SampleEvents.oneOfEach());
        // someone inserts seq 7 behind the writer's back: its batch collides with it
        store.server.sql("INSERT INTO " + store.table(Schema.RECORDS) + " (seq, type, \"time\", hash, line) "
                + "SELECT 7, type, \"time\", hash, line FROM " + store.table(Schema.RECORDS) + " WHERE seq = 6");
        assertThatThrownBy(() -> append(writer, SampleEvents.oneOfEach()))
                .isInstanceOf(AuditWriteException.class)
                .hasMessageContaining("could not commit records 7..12");

        store.tamper(Schema.RECORDS, "DELETE FROM " + store.table(Schema.RECORDS) + " WHERE seq = 7");
        assertThatThrownBy(() -> append(writer, SampleEvents.oneOfEach()))
                .isInstanceOf(AuditWriteException.class)
                .hasMessageContaining("stopped for good");
        assertThat(store.reader().head().seq()).isEqualTo(6);
    }

    @Test
    void aClosedWriterRefusesToStoreASnapshot() {
        PostgresStoreWriter writer = PostgresStore.openWriter(store.target);
        writer.close();
        assertThatThrownBy(() -> writer.store(new dev.paperplane.application.snapshot.Snapshot(0, "0".repeat(64), 1,
                new byte[0]))).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
