package dev.paperplane.adapters.persistence;

import dev.paperplane.application.contract.SnapshotStoreContract;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileSnapshotStoreContractTest extends SnapshotStoreContract {
    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    @Override
    protected SnapshotStorePort openSnapshotStore() {
        return FileStore.openWriter(data());
    }

    @Override
    protected SnapshotLoadPort openSnapshotLoader() {
        return FileStore.openReader(data());
    }

    @Override
    protected void corruptSnapshot(long seq) {
        Path file = new Layout(data()).snapshot(seq);
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 2] ^= 0x01; // the last state byte
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
