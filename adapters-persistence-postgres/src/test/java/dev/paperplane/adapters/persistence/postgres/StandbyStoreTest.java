package dev.paperplane.adapters.persistence.postgres;

import static dev.paperplane.adapters.persistence.postgres.TestStore.all;
import static dev.paperplane.adapters.persistence.postgres.TestStore.append;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.adapters.persistence.postgres.testserver.RecoveryConflict;
import dev.paperplane.adapters.persistence.postgres.testserver.StandbyPair;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ReadCancelledException;
import dev.paperplane.application.audit.Replica;
import dev.paperplane.application.contract.SampleEvents;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store on a real hot standby: read-only readers that see what the primary committed, and a writer refused. */
class StandbyStoreTest {
    private static StandbyPair pair;
    private static int schemas;

    @BeforeAll
    static void startPrimaryAndStandby() {
        // cancel a query the moment it holds back replay, so a recovery conflict shows at once
        pair = StandbyPair.start("max_standby_streaming_delay = 0");
    }

    @AfterAll
    static void stop() {
        if (pair != null) {
            pair.close();
        }
    }

    private static String freshSchema() {
        return "standby_" + ++schemas;
    }

    /** A store on the primary holding {@code batches} batches of 5, replayed by the standby. */
    private static PostgresStoreWriter writerWith(String schema, int batches) {
        PostgresStoreWriter writer = PostgresStore.openWriter(pair.onPrimary(schema));
        for (int i = 0; i < batches; i++) {
            append(writer, SampleEvents.events(5));
        }
        pair.awaitReplay();
        return writer;
    }

    @Test
    void aReaderOnTheStandbyReadsTheRecordsThePrimaryCommittedVerifiedAndIdentical() {
        String schema = freshSchema();
        try (PostgresStoreWriter writer = writerWith(schema, 30);
             PostgresStoreReader primary = PostgresStore.openReader(pair.onPrimary(schema));
             PostgresStoreReader standby = PostgresStore.openReader(pair.onStandby(schema))) {
            assertThat(standby.head()).isEqualTo(writer.head()).isEqualTo(primary.head());
            assertThat(all(standby.readAfter(0))).isEqualTo(all(primary.readAfter(0)));
            assertThat(standby.read(77)).isEqualTo(primary.read(77));
            assertThat(standby.list()).isEqualTo(primary.list());
            assertThat(standby.storage().bytes()).isEqualTo(primary.storage().bytes());

            append(writer, SampleEvents.events(5));
            pair.awaitReplay();
            assertThat(standby.head()).isEqualTo(writer.head());
        }
    }

    @Test
    void theStandbySaysItIsOneAndShowsNoLagOnceItReplayedAllItReceived() {
        String schema = freshSchema();
        try (PostgresStoreWriter writer = writerWith(schema, 2);
             PostgresStoreReader primary = PostgresStore.openReader(pair.onPrimary(schema));
             PostgresStoreReader standby = PostgresStore.openReader(pair.onStandby(schema))) {
            assertThat(primary.replica()).isEqualTo(Replica.NONE);
            assertThat(standby.replica()).isEqualTo(new Replica(true, Optional.of(Duration.ZERO)));
        }
    }

    @Test
    void aWriterOnTheStandbyIsRefusedSayingToUseThePrimary() {
        String schema = freshSchema();
        writerWith(schema, 1).close();
        assertThatThrownBy(() -> PostgresStore.openWriter(pair.onStandby(schema)))
                .isInstanceOf(PostgresStoreException.class)
                .hasMessageContaining("is a hot standby")
                .hasMessageContaining("pg_is_in_recovery()")
                .hasMessageContaining("targetServerType=primary");
    }

    @Test
    void aLocatorOfBothServersPicksTheOneItsTargetServerTypeAsksFor() {
        String schema = freshSchema();
        writerWith(schema, 1).close();
        String both = "postgresql://postgres@127.0.0.1:" + pair.primary().port() + ",127.0.0.1:"
                + pair.standby().port() + "/postgres?schema=" + schema + "&targetServerType=";
        try (PostgresStoreReader secondary = PostgresStore.openReader(
                PostgresLocator.parse(both + "secondary").target(null));
             PostgresStoreReader preferSecondary = PostgresStore.openReader(
                     PostgresLocator.parse(both + "preferSecondary").target(null));
             PostgresStoreReader primary = PostgresStore.openReader(
                     PostgresLocator.parse(both + "primary").target(null))) {
            assertThat(secondary.replica().standby()).isTrue();
            assertThat(preferSecondary.replica().standby()).isTrue();
            assertThat(primary.replica().standby()).isFalse();
        }
        PostgresStore.openWriter(PostgresLocator.parse(both + "primary").target(null)).close();
    }

    /** A real recovery conflict ({@link RecoveryConflict}) cancels the reader's query waiting for a replayed lock. */
    @Test
    void aQueryTheStandbyCancelsForARecoveryConflictIsACancelledReadAndTheNextReadResumes() {
        String schema = freshSchema();
        try (PostgresStoreWriter writer = writerWith(schema, 4);
             PostgresStoreReader standby = PostgresStore.openReader(pair.onStandby(schema))) {
            assertThat(standby.head()).isEqualTo(writer.head());
            append(writer, SampleEvents.events(5));
            try (RecoveryConflict conflict = RecoveryConflict.arm(pair, "\"" + schema + "\".records", schema)) {
                CompletableFuture<ChainHead> blocked = CompletableFuture.supplyAsync(standby::head);
                if (conflict.awaitWaiting("paperplane reader", blocked::isDone)) {
                    conflict.fire();
                }

                assertThatThrownBy(() -> blocked.get(1, TimeUnit.MINUTES))
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(ReadCancelledException.class)
                        .hasMessageContaining("conflict with recovery")
                        .hasMessageContaining("repeat it");
            }
            assertThat(standby.head()).isEqualTo(writer.head());
            assertThat(all(standby.readAfter(0))).hasSize((int) writer.head().seq());
        }
    }
}
