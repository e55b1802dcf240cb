package dev.paperplane.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotInfo;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stored state beyond {@link Snapshot#MAX_STATE_BYTES} is found too large in SQL and its bytes never fetched. */
class SnapshotSizeBoundTest {
    private static final String HASH = "ab".repeat(32);
    private TestStore store;

    @BeforeEach
    void freshStore() {
        store = new TestStore().create();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Snapshot snapshot(long seq) {
        return new Snapshot(seq, HASH, Snapshot.CURRENT_SCHEMA, ("{\"at\":" + seq + "}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anIntactRowWhoseStateExceedsTheBoundIsListedAsTooLargeNotLoadedAndTheNextOlderOneLoads() {
        PostgresStoreWriter writer = store.writer();
        writer.store(snapshot(5));
        writer.store(snapshot(9));
        long oversized = Snapshot.MAX_STATE_BYTES + 1L;
        // a checksum that matches its state: only the size makes this row unusable
        store.tamper(Schema.SNAPSHOTS, "UPDATE " + store.table(Schema.SNAPSHOTS) + " SET state = big.bytes,"
                + " checksum = encode(sha256(big.bytes), 'hex') FROM (SELECT convert_to(repeat('x', " + oversized
                + "), 'UTF8') AS bytes) big WHERE seq = 9");

        PostgresStoreReader reader = store.reader();
        SnapshotInfo newest = reader.list().getFirst();
        assertThat(newest.seq()).isEqualTo(9);
        assertThat(newest.problem()).contains("too large: " + oversized + " state bytes, more than the "
                + Snapshot.MAX_STATE_BYTES + " a snapshot may have; its bytes were not read");
        assertThat(reader.load(9)).isEmpty();
        assertThat(reader.load(5)).hasValueSatisfying(s -> assertThat(s.stateText()).isEqualTo("{\"at\":5}"));
    }

    @Test
    void storingTheSameSnapshotAgainIsComparedByTheServerAndKept() {
        PostgresStoreWriter writer = store.writer();
        writer.store(snapshot(9));
        writer.store(snapshot(9));
        assertThat(store.reader().list()).extracting(SnapshotInfo::seq).containsExactly(9L);
    }
}
