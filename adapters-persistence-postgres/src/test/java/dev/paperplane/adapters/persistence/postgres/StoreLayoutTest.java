package dev.paperplane.adapters.persistence.postgres;

import static dev.paperplane.adapters.persistence.postgres.TestStore.append;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.domain.audit.AuditEvent;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the store puts in the database, and how it treats a schema that is not (yet) a store of its version. */
class StoreLayoutTest {
    private final TestStore store = new TestStore();

    @AfterEach
    void close() {
        store.close();
    }

    private List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection admin = store.server.admin(); Statement statement = admin.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void theFirstWriterCreatesTheSchemaAndRecordsVersion1() throws SQLException {
        store.create();
        assertThat(query("SELECT version, description FROM " + store.table("schema_version")))
                .containsExactly(List.of(1, "records and snapshots, append-only"));
    }

    @Test
    void eachRowKeepsTheExactLineItsNewlineIncludedBesideItsSeqTypeTimeAndHash() throws SQLException {
        List<AuditEvent> events = SampleEvents.oneOfEach();
        List<EncodedRecord> batch;
        try (PostgresStoreWriter writer = PostgresStore.openWriter(store.target)) {
            batch = append(writer, events);
        }
        List<List<Object>> rows = query("SELECT seq, type, \"time\", hash, line FROM " + store.table("records")
                + " ORDER BY seq");
        assertThat(rows).hasSize(6);
        for (int i = 0; i < 6; i++) {
            List<Object> row = rows.get(i);
            assertThat(row.get(0)).isEqualTo(i + 1L);
            assertThat(row.get(1)).isEqualTo(events.get(i).type());
            assertThat(((java.sql.Timestamp) row.get(2)).toInstant()).isEqualTo(events.get(i).time());
            assertThat(row.get(3)).isEqualTo(batch.get(i).hash());
            assertThat((byte[]) row.get(4)).isEqualTo(batch.get(i).line()).endsWith('\n');
        }
    }

    @Test
    void theLinesInSeqOrderAreTheBytesOfTheLogAsOneFileHoldsIt() throws SQLException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PostgresStoreWriter writer = PostgresStore.openWriter(store.target)) {
            for (int i = 0; i < 3; i++) {
                append(writer, SampleEvents.events(9)).forEach(r -> log.writeBytes(r.line()));
            }
        }
        assertThat((byte[]) query("SELECT string_agg(line, ''::bytea ORDER BY seq) FROM " + store.table("records"))
                .getFirst().getFirst()).isEqualTo(log.toByteArray());
        assertThat(store.reader().storage().bytes()).isEqualTo(log.size());
    }

    @Test
    void theWriterCreatesTheTablesInAnExistingEmptySchema() {
        store.server.sql("CREATE SCHEMA " + store.schema);
        assertThat(store.writer().head()).isEqualTo(ChainHead.GENESIS);
        assertThat(store.reader().head()).isEqualTo(ChainHead.GENESIS);
    }

    @Test
    void aStoreOfANewerVersionIsRefusedByWriterAndReader() {
        store.create();
        store.server.sql("INSERT INTO " + store.table("schema_version") + " (version, description) "
                + "VALUES (2, 'from the future')");
        assertThatThrownBy(() -> PostgresStore.openWriter(store.target))
                .isInstanceOf(PostgresStoreException.class)
                .hasMessageContaining("has schema version 2, newer than this paperplane reads (1)");
        assertThatThrownBy(() -> PostgresStore.openReader(store.target))
                .isInstanceOf(PostgresStoreException.class)
                .hasMessageContaining("has schema version 2");
    }

    @Test
    void aSchemaHoldingSomethingElseIsNotTakenForAStore() {
        store.server.sql("CREATE SCHEMA " + store.schema, "CREATE TABLE " + store.table("records") + " (x int)");
        assertThatThrownBy(() -> PostgresStore.openWriter(store.target))
                .isInstanceOf(PostgresStoreException.class)
                .hasMessageContaining("is incomplete")
                .hasMessageContaining(store.schema + ".schema_version");
    }

    @Test
    void aReaderOfAStoreThatDoesNotExistSaysWhereItLookedAndWhatToDo() {
        assertThatThrownBy(() -> PostgresStore.openReader(store.target))
                .isInstanceOf(PostgresStoreException.class)
                .hasMessageContaining("there is no paperplane store at " + store.target.location())
                .hasMessageContaining("run the runtime once");
        assertThat(query0("SELECT count(*) FROM pg_namespace WHERE nspname = '" + store.schema + "'")).isEqualTo(0L);
    }

    private Object query0(String sql) {
        try {
            return query(sql).getFirst().getFirst();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnreachableServerIsReportedWithTheStoreLocationAndNoPassword() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PostgresTarget nowhere = new PostgresTarget("jdbc:postgresql://127.0.0.1:" + port + "/books", "trader",
                "hunter2");
        assertThatThrownBy(() -> PostgresStore.openReader(nowhere))
                .isInstanceOf(PostgresStoreException.class)
                .hasMessageStartingWith("cannot connect to postgresql://trader@127.0.0.1:" + port
                        + "/books?schema=paperplane")
                .message().doesNotContain("hunter2");
    }

    @Test
    void readerStorageNamesTheStoreAsOneSegment() {
        store.create();
        var storage = store.reader().storage();
        assertThat(storage.location()).isEqualTo(store.target.location());
        assertThat(storage.segments()).isEqualTo(1);
        assertThat(storage.bytes()).isZero();
    }
}
