package dev.paperplane.adapters.persistence.postgres;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.contract.AuditStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresAuditStoreContractTest extends AuditStoreContract {
    private TestStore store;

    @BeforeEach
    void freshStore() {
        store = new TestStore().create();
    }

    @AfterEach
    void closeReaders() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    protected AuditAppendPort openWriter() {
        return PostgresStore.openWriter(store.target);
    }

    @Override
    protected AuditReadPort openReader() {
        return store.reader();
    }
}
