package dev.paperplane.application.contract;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import org.junit.jupiter.api.Nested;

class InMemoryStoreContractTest {

    @Nested
    class Audit extends AuditStoreContract {
        private final InMemoryStore store = new InMemoryStore();

        @Override
        protected AuditAppendPort openWriter() {
            return store.openWriter();
        }

        @Override
        protected AuditReadPort openReader() {
            return store;
        }
    }

    @Nested
    class Snapshots extends SnapshotStoreContract {
        private final InMemoryStore store = new InMemoryStore();

        @Override
        protected SnapshotStorePort openSnapshotStore() {
            return store.openWriter();
        }

        @Override
        protected SnapshotLoadPort openSnapshotLoader() {
            return store;
        }

        @Override
        protected void corruptSnapshot(long seq) {
            store.corruptSnapshot(seq);
        }
    }
}
