package dev.paperplane.adapters.persistence.postgres;

import static dev.paperplane.adapters.persistence.postgres.TestStore.all;
import static dev.paperplane.adapters.persistence.postgres.TestStore.append;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.application.snapshot.Snapshot;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain SQL, even a superuser's, cannot change or remove what the store holds. */
class AppendOnlyTest {
    private final TestStore store = new TestStore();
    private List<EncodedRecord> batch;

    @BeforeEach
    void fill() {
        try (PostgresStoreWriter writer = PostgresStore.openWriter(store.target)) {
            batch = append(writer, SampleEvents.oneOfEach());
            writer.store(new Snapshot(6, batch.getLast().hash(), Snapshot.CURRENT_SCHEMA,
                    "{}".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String refusal(String sql) {
        try (Connection admin = store.server.admin(); Statement statement = admin.createStatement()) {
            statement.execute(sql);
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private List<byte[]> lines() throws SQLException {
        List<byte[]> lines = new ArrayList<>();
        try (Connection admin = store.server.admin(); Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("SELECT line FROM " + store.table(Schema.RECORDS)
                     + " ORDER BY seq")) {
            while (rows.next()) {
                lines.add(rows.getBytes(1));
            }
        }
        return lines;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', quoteCharacter = '"', value = {
            "records # UPDATE %s SET line = line || '\\x20'::bytea WHERE seq = 3 # UPDATE",
            "records # UPDATE %s SET hash = repeat('0', 64) # UPDATE",
            "records # DELETE FROM %s WHERE seq = 6 # DELETE",
            "records # DELETE FROM %s # DELETE",
            "records # TRUNCATE %s # TRUNCATE",
            "snapshots # UPDATE %s SET state = '\\x7b7d7d'::bytea # UPDATE",
            "snapshots # DELETE FROM %s # DELETE",
            "snapshots # TRUNCATE %s # TRUNCATE",
            "schema_version # UPDATE %s SET version = 2 # UPDATE",
            "schema_version # DELETE FROM %s # DELETE",
            "schema_version # TRUNCATE %s # TRUNCATE"})
    void aSuperusersStatementThatWouldChangeOrRemoveRowsIsRefused(String table, String sql, String operation) {
        assertThat(refusal(sql.formatted(store.table(table))))
                .startsWith("ERROR: paperplane: " + store.schema + "." + table + " is append-only: " + operation
                        + " is refused\n  Hint: the audit log and its snapshots are never changed or removed");
    }

    @Test
    void refusedStatementsLeaveEveryRecordAndSnapshotAsItWas() throws SQLException {
        refusal("UPDATE " + store.table(Schema.RECORDS) + " SET line = line || '\\x20'::bytea");
        refusal("DELETE FROM " + store.table(Schema.RECORDS) + " WHERE seq > 3");
        refusal("TRUNCATE " + store.table(Schema.RECORDS) + ", " + store.table(Schema.SNAPSHOTS));
        assertThat(lines()).containsExactlyElementsOf(batch.stream().map(EncodedRecord::line).toList());
        PostgresStoreReader reader = store.reader();
        assertThat(all(reader.readAfter(0))).hasSize(6);
        assertThat(reader.load(6)).isPresent();
    }

    @Test
    void aReplicaSessionCannotBypassTheTriggers() {
        String refused = refusal("SET session_replication_role = replica; DELETE FROM "
                + store.table(Schema.RECORDS));
        assertThat(refused).contains("is append-only: DELETE is refused");
    }

    @Test
    void insertingStillWorksSoTheWriterCanAppend() {
        try (PostgresStoreWriter writer = PostgresStore.openWriter(store.target)) {
            append(writer, SampleEvents.oneOfEach());
            assertThat(writer.head().seq()).isEqualTo(12);
        }
    }
}
