package dev.paperplane.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.domain.audit.AuditEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A writer process killed with SIGKILL at seeded points loses no acknowledged batch, leaves only whole batches,
 * frees the store for the next writer, and a resumed run ends with the bytes of an uninterrupted one.
 */
class CrashTest {
    private static final int BATCHES = 60;
    private static final int BATCH = 7;
    private static final long SEED = 20_261_124L;

    private final TestStore crashed = new TestStore().create();
    private final TestStore reference = new TestStore().create();

    @AfterEach
    void close() {
        crashed.close();
        reference.close();
    }

    /** The batch that follows {@code head}: bars numbered by seq, so its content depends on where it goes only. */
    static List<AuditEvent> batchAfter(ChainHead head) {
        List<AuditEvent> events = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            long seq = head.seq() + 1 + i;
            events.add(seq == 1 ? SampleEvents.sessionStarted() : SampleEvents.bar((int) seq));
        }
        return events;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aKilledWriterLosesNoAcknowledgedBatchAndAResumedRunEndsByteIdentical() throws Exception {
        try (PostgresStoreWriter writer = PostgresStore.openWriter(reference.target)) {
            for (int i = 0; i < BATCHES; i++) {
                writer.append(SampleEvents.seal(writer.head(), batchAfter(writer.head())));
            }
        }
        Random seeded = new Random(SEED);
        for (int crash = 0; crash < 3; crash++) {
            int acknowledgements = 1 + seeded.nextInt(BATCHES / 4);
            long acknowledged = killAfter(acknowledgements);

            try (PostgresStoreReader reader = PostgresStore.openReader(crashed.target)) {
                ChainHead head = reader.head();
                assertThat(head.seq()).as("every acknowledged record survives").isGreaterThanOrEqualTo(acknowledged);
                assertThat(head.seq() % BATCH).as("only whole batches are stored").isZero();
                List<AuditRecord> records = TestStore.all(reader.readAfter(0));
                assertThat(records).hasSize((int) head.seq());
            }
        }
        try (PostgresStoreWriter writer = PostgresStore.openWriter(crashed.target)) {
            while (writer.head().seq() < (long) BATCHES * BATCH) {
                writer.append(SampleEvents.seal(writer.head(), batchAfter(writer.head())));
            }
        }
        assertThat(log(crashed)).isEqualTo(log(reference));
    }

    /** Runs an appending writer in another JVM, kills it with SIGKILL after some acknowledgements. */
    private long killAfter(int acknowledgements) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        PostgresTarget target = crashed.target;
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Appender.class.getName(), target.jdbcUrl(), target.user(),
                target.password() == null ? "" : target.password(), target.schema())
                .redirectErrorStream(true)
                .start();
        long acknowledged = 0;
        int backend;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("the appender's first line").startsWith("backend ");
            backend = Integer.parseInt(first.substring("backend ".length()));
            for (int seen = 0; seen < acknowledgements; seen++) {
                String line = out.readLine();
                assertThat(line).as("an acknowledgement").startsWith("acknowledged ");
                acknowledged = Long.parseLong(line.substring("acknowledged ".length()));
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        awaitSessionEnd(backend);
        return acknowledged;
    }

    /** Waits until the server has ended the killed writer's session (and so released its lock). */
    private void awaitSessionEnd(int backend) throws SQLException, InterruptedException {
        try (Connection admin = crashed.server.admin();
             PreparedStatement query = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
            query.setInt(1, backend);
            while (true) {
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
    }

    private static byte[] log(TestStore store) throws SQLException {
        try (Connection admin = store.server.admin(); Statement statement = admin.createStatement();
             ResultSet row = statement.executeQuery("SELECT string_agg(line, ''::bytea ORDER BY seq) FROM "
                     + store.table(Schema.RECORDS))) {
            row.next();
            return row.getBytes(1);
        }
    }

    /** Appends batches to a store until killed, printing its session's backend pid and each acknowledged head. */
    public static final class Appender {
        private Appender() {
        }

        public static void main(String[] args) {
            PostgresTarget target = new PostgresTarget(args[0], args[1], args[2].isEmpty() ? null : args[2], args[3]);
            try (PostgresStoreWriter writer = PostgresStore.openWriter(target)) {
                System.out.println("backend " + writer.backendPid());
                System.out.flush();
                while (writer.head().seq() < (long) BATCHES * BATCH) {
                    writer.append(SampleEvents.seal(writer.head(), batchAfter(writer.head())));
                    System.out.println("acknowledged " + writer.head().seq());
                    System.out.flush();
                }
            }
        }
    }
}
