package dev.paperplane.adapters.persistence.postgres;

import dev.paperplane.application.contract.SnapshotStoreContract;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresSnapshotStoreContractTest extends SnapshotStoreContract {
    private TestStore store;

    @BeforeEach
    void freshStore() {
        store = new TestStore().create();
    }

    @AfterEach
    void closeLoaders() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    protected SnapshotStorePort openSnapshotStore() {
        return PostgresStore.openWriter(store.target);
    }

    @Override
    protected SnapshotLoadPort openSnapshotLoader() {
        return store.reader();
    }

    @Override
    protected void corruptSnapshot(long seq) {
        store.tamper(Schema.SNAPSHOTS, "UPDATE " + store.table(Schema.SNAPSHOTS)
                + " SET state = state || '\\x20'::bytea WHERE seq = " + seq);
    }
}
