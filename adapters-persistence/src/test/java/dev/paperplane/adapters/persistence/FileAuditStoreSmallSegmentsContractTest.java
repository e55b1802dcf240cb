package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.contract.AuditStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The audit contract again, with segments so small that almost every batch starts a new one. */
class FileAuditStoreSmallSegmentsContractTest extends AuditStoreContract {
    @TempDir
    Path tmp;
    Path data;

    @BeforeEach
    void createDataDirectory() throws IOException {
        data = Files.createDirectories(tmp.resolve("data"));
    }

    @Override
    protected AuditAppendPort openWriter() {
        return FileStore.openWriter(data, 600);
    }

    @Override
    protected AuditReadPort openReader() {
        return FileStore.openReader(data);
    }
}
