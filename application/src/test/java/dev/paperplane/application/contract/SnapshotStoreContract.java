package dev.paperplane.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every snapshot store must do, written once: a store's test extends this class and opens a storing and
 * a loading port on one fresh store per test.
 */
public abstract class SnapshotStoreContract {

    private final List<Object> opened = new ArrayList<>();

    /** Opens the storing side of this test's fresh store. */
    protected abstract SnapshotStorePort openSnapshotStore();

    /** Opens a loading side on the same store. */
    protected abstract SnapshotLoadPort openSnapshotLoader();

    /** Damages the stored state of the snapshot at {@code seq} so that its checksum no longer matches. */
    protected abstract void corruptSnapshot(long seq);

    private SnapshotStorePort store() {
        SnapshotStorePort store = openSnapshotStore();
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() throws Exception {
        for (Object port : opened) {
            if (port instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    /** A snapshot at {@code seq} with a small JSON state. */
    protected static Snapshot snapshot(long seq) {
        String hash = Long.toHexString(0x1000 + seq).repeat(16).substring(0, 64);
        return new Snapshot(seq, hash, Snapshot.CURRENT_SCHEMA,
                ("{\"seq\":" + seq + ",\"cash\":\"10000.00000000\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts two snapshots are equal field by field, state byte for byte. */
    protected static void assertSameSnapshot(Snapshot actual, Snapshot expected) {
        assertThat(actual.seq()).isEqualTo(expected.seq());
        assertThat(actual.chainHash()).isEqualTo(expected.chainHash());
        assertThat(actual.schemaVersion()).isEqualTo(expected.schemaVersion());
        assertThat(actual.state()).isEqualTo(expected.state());
    }

    @Test
    void anEmptyStoreListsNoSnapshot() {
        store();
        assertThat(openSnapshotLoader().list()).isEmpty();
    }

    @Test
    void aStoredSnapshotIsListedAsValidWithItsMetadata() {
        Snapshot snapshot = snapshot(42);
        store().store(snapshot);
        List<SnapshotInfo> listed = openSnapshotLoader().list();
        assertThat(listed).hasSize(1);
        SnapshotInfo info = listed.getFirst();
        assertThat(info.seq()).isEqualTo(42);
        assertThat(info.chainHash()).isEqualTo(snapshot.chainHash());
        assertThat(info.schemaVersion()).isEqualTo(Snapshot.CURRENT_SCHEMA);
        assertThat(info.checksum()).isEqualTo(snapshot.checksum());
        assertThat(info.sizeBytes()).isGreaterThanOrEqualTo(snapshot.state().length);
        assertThat(info.problem()).isEmpty();
        assertThat(info.valid()).isTrue();
    }

    @Test
    void snapshotsAreListedNewestFirst() {
        SnapshotStorePort store = store();
        store.store(snapshot(5));
        store.store(snapshot(200));
        store.store(snapshot(10));
        assertThat(openSnapshotLoader().list()).extracting(SnapshotInfo::seq).containsExactly(200L, 10L, 5L);
    }

    @Test
    void seqsNameEveryStoredSnapshotNewestFirstIntactOrNot() {
        SnapshotStorePort store = store();
        store.store(snapshot(5));
        store.store(snapshot(200));
        store.store(snapshot(10));
        corruptSnapshot(10);
        SnapshotLoadPort loader = openSnapshotLoader();
        assertThat(loader.seqs()).containsExactly(200L, 10L, 5L);
        assertThat(loader.seqs()).isEqualTo(loader.list().stream().map(SnapshotInfo::seq).toList());
    }

    @Test
    void loadingAStoredSnapshotReturnsItExactly() {
        Snapshot snapshot = snapshot(7);
        store().store(snapshot);
        assertSameSnapshot(openSnapshotLoader().load(7).orElseThrow(), snapshot);
    }

    @Test
    void loadingAnAbsentSeqFindsNothing() {
        store().store(snapshot(7));
        SnapshotLoadPort loader = openSnapshotLoader();
        assertThat(loader.load(8)).isEmpty();
        assertThat(loader.load(0)).isEmpty();
    }

    @Test
    void stateBytesAreKeptExactlyWhateverTheyHold() {
        byte[] state = {'{', '\n', 0, (byte) 0xff, '\r', '\n', '}', '\n'};
        Snapshot binary = new Snapshot(3, "c".repeat(64), Snapshot.CURRENT_SCHEMA, state);
        Snapshot empty = new Snapshot(4, "d".repeat(64), Snapshot.CURRENT_SCHEMA, new byte[0]);
        SnapshotStorePort store = store();
        store.store(binary);
        store.store(empty);
        SnapshotLoadPort loader = openSnapshotLoader();
        assertSameSnapshot(loader.load(3).orElseThrow(), binary);
        assertSameSnapshot(loader.load(4).orElseThrow(), empty);
    }

    @Test
    void aCorruptedSnapshotIsReportedAndCannotBeLoaded() {
        SnapshotStorePort store = store();
        store.store(snapshot(5));
        store.store(snapshot(9));
        corruptSnapshot(9);
        SnapshotLoadPort loader = openSnapshotLoader();
        List<SnapshotInfo> listed = loader.list();
        assertThat(listed).extracting(SnapshotInfo::seq).containsExactly(9L, 5L);
        assertThat(listed.get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("checksum"));
        assertThat(listed.get(1).problem()).isEmpty();
        assertThat(loader.load(9)).isEmpty();
        assertThat(loader.load(5)).isPresent();
    }

    @Test
    void aSnapshotOfAnUnknownSchemaIsReportedAndCannotBeLoaded() {
        Snapshot future = new Snapshot(11, "e".repeat(64), Snapshot.CURRENT_SCHEMA + 1,
                "{}".getBytes(StandardCharsets.UTF_8));
        store().store(future);
        SnapshotLoadPort loader = openSnapshotLoader();
        assertThat(loader.list().getFirst().problem()).hasValueSatisfying(p -> assertThat(p).contains("schema"));
        assertThat(loader.load(11)).isEmpty();
    }

    @Test
    void storingTheSameSnapshotAgainIsHarmless() {
        SnapshotStorePort store = store();
        store.store(snapshot(5));
        store.store(snapshot(5));
        assertThat(openSnapshotLoader().list()).hasSize(1);
    }

    @Test
    void aDifferentSnapshotAtAStoredSeqIsRefusedAndTheStoredOneKept() {
        SnapshotStorePort store = store();
        Snapshot original = snapshot(5);
        store.store(original);
        Snapshot other = new Snapshot(5, original.chainHash(), Snapshot.CURRENT_SCHEMA,
                "{\"other\":true}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> store.store(other)).isInstanceOf(IllegalStateException.class);
        assertSameSnapshot(openSnapshotLoader().load(5).orElseThrow(), original);
    }

    @Test
    void aSnapshotWithAMalformedChainHashIsRefused() {
        Snapshot malformed = new Snapshot(5, "ABC", Snapshot.CURRENT_SCHEMA, new byte[0]);
        assertThatThrownBy(() -> store().store(malformed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLoaderOpenedBeforeAStoreSeesTheNewSnapshot() {
        SnapshotStorePort store = store();
        SnapshotLoadPort loader = openSnapshotLoader();
        assertThat(loader.list()).isEmpty();
        store.store(snapshot(3));
        assertThat(loader.list()).extracting(SnapshotInfo::seq).containsExactly(3L);
        assertThat(loader.load(3)).isPresent();
    }
}
