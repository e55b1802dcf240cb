package dev.paperplane.adapters.persistence.postgres;

import static dev.paperplane.adapters.persistence.postgres.TestStore.all;
import static dev.paperplane.adapters.persistence.postgres.TestStore.append;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.application.snapshot.Snapshot;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The roles of docs/operations.md (PostgreSQL): a writer that may only insert and read, an observer that may only read. */
class RolesTest {
    private static final String PASSWORD = "test-only";

    private final TestStore store = new TestStore();
    private final String owner = store.schema + "_owner";
    private final String writer = store.schema + "_writer";
    private final String observer = store.schema + "_observer";
    private final String s = store.schema;

    @BeforeEach
    void prepare() {
        // as in docs/operations.md: roles, a schema the writer owns, the first run creates the tables
        store.server.sql(
                "CREATE ROLE " + owner + " NOLOGIN",
                "CREATE ROLE " + writer + " LOGIN PASSWORD '" + PASSWORD + "'",
                "CREATE ROLE " + observer + " LOGIN PASSWORD '" + PASSWORD + "'",
                "CREATE SCHEMA " + s + " AUTHORIZATION " + writer);
        try (PostgresStoreWriter first = PostgresStore.openWriter(as(writer))) {
            append(first, SampleEvents.oneOfEach());
        }
        // hardening after the first run: the tables go to a role nobody logs in as
        store.server.sql(
                "ALTER SCHEMA " + s + " OWNER TO " + owner,
                "ALTER TABLE " + s + ".schema_version OWNER TO " + owner,
                "ALTER TABLE " + s + ".records OWNER TO " + owner,
                "ALTER TABLE " + s + ".snapshots OWNER TO " + owner,
                "ALTER FUNCTION " + s + ".refuse_change() OWNER TO " + owner,
                "GRANT USAGE ON SCHEMA " + s + " TO " + writer + ", " + observer,
                "GRANT SELECT ON ALL TABLES IN SCHEMA " + s + " TO " + writer + ", " + observer,
                "GRANT INSERT ON " + s + ".records, " + s + ".snapshots TO " + writer);
    }

    @AfterEach
    void dropRoles() {
        store.close();
        store.server.sql("DROP SCHEMA IF EXISTS " + s + " CASCADE", "DROP ROLE " + writer, "DROP ROLE " + observer,
                "DROP ROLE " + owner);
    }

    private PostgresTarget as(String role) {
        return new PostgresTarget(store.server.jdbcUrl(), role, PASSWORD, s);
    }

    private String refusal(String role, String sql) {
        Properties login = new Properties();
        login.setProperty("user", role);
        login.setProperty("password", PASSWORD);
        try (Connection connection = new org.postgresql.Driver().connect(store.server.jdbcUrl(), login);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    @Test
    void theWriterRoleAppendsAndStoresSnapshots() {
        try (PostgresStoreWriter writer = store.track(PostgresStore.openWriter(as(this.writer)))) {
            append(writer, SampleEvents.oneOfEach());
            writer.store(new Snapshot(12, writer.head().hash(), Snapshot.CURRENT_SCHEMA,
                    "{}".getBytes(StandardCharsets.UTF_8)));
        }
        PostgresStoreReader reader = store.track(PostgresStore.openReader(as(observer)));
        assertThat(all(reader.readAfter(0))).hasSize(12);
        assertThat(reader.load(12)).isPresent();
    }

    @Test
    void theWriterRoleCannotChangeRemoveOrUnprotectTheTables() {
        assertThat(refusal(writer, "UPDATE " + s + ".records SET type = 'x'")).contains("permission denied");
        assertThat(refusal(writer, "DELETE FROM " + s + ".snapshots")).contains("permission denied");
        assertThat(refusal(writer, "TRUNCATE " + s + ".records")).contains("permission denied");
        assertThat(refusal(writer, "ALTER TABLE " + s + ".records DISABLE TRIGGER USER")).contains("must be owner");
        assertThat(refusal(writer, "DROP TABLE " + s + ".records")).contains("must be owner");
    }

    @Test
    void theObserverRoleReadsTheStoreAndCannotWriteIt() {
        PostgresStoreReader reader = store.track(PostgresStore.openReader(as(observer)));
        assertThat(reader.head().seq()).isEqualTo(6);
        assertThat(refusal(observer, "INSERT INTO " + s + ".snapshots SELECT 1, 'x', 1, 'x', ''::bytea"))
                .contains("permission denied");
        assertThatThrownBy(() -> PostgresStore.openWriter(as(observer)))
                .isInstanceOf(PostgresStoreException.class)
                .hasMessageContaining("the role " + observer + " may not insert into " + s + ".records");
    }
}
