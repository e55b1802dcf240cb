package dev.paperplane.adapters.persistence.postgres;

import dev.paperplane.adapters.persistence.postgres.testserver.PostgresServer;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.domain.audit.AuditEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One fresh store for one test, on the shared server; closes the readers and writers the test opened. */
final class TestStore implements AutoCloseable {
    final PostgresServer server = PostgresServer.shared();
    final PostgresTarget target = server.freshStore();
    final String schema = target.schema();
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Creates the store's tables, as the runtime's first start does. */
    TestStore create() {
        PostgresStore.openWriter(target).close();
        return this;
    }

    PostgresStoreWriter writer() {
        return track(PostgresStore.openWriter(target));
    }

    PostgresStoreReader reader() {
        return track(PostgresStore.openReader(target));
    }

    <T extends AutoCloseable> T track(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    /** {@code "schema".table} */
    String table(String table) {
        return '"' + schema + "\"." + table;
    }

    /** Runs {@code sql} as the superuser with the store's triggers disabled for it: tampering behind their back. */
    void tamper(String table, String sql) {
        String t = table(table);
        try (Connection admin = server.admin(); Statement statement = admin.createStatement()) {
            admin.setAutoCommit(false);
            statement.execute("ALTER TABLE " + t + " DISABLE TRIGGER USER");
            statement.execute(sql);
            statement.execute("ALTER TABLE " + t + " ENABLE ALWAYS TRIGGER " + table + "_no_update_or_delete");
            statement.execute("ALTER TABLE " + t + " ENABLE ALWAYS TRIGGER " + table + "_no_truncate");
            admin.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static List<EncodedRecord> append(PostgresStoreWriter writer, List<? extends AuditEvent> events) {
        List<EncodedRecord> batch = SampleEvents.seal(writer.head(), events);
        writer.append(batch);
        return batch;
    }

    static List<AuditRecord> all(Stream<AuditRecord> stream) {
        try (stream) {
            return stream.toList();
        }
    }

    @Override
    public void close() {
        try {
            for (AutoCloseable closeable : opened.reversed()) {
                closeable.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot close what the test opened: " + e.getMessage(), e);
        }
    }
}
