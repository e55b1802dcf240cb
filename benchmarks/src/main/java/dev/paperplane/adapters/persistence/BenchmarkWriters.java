package dev.paperplane.adapters.persistence;

import java.nio.file.Path;

/**
 * The benchmarks' door to the file store's durability seam (package-private, so this class shares the package on
 * the class path). Only data generation and the append limit use it; every measured product path uses
 * {@link FileStore#openWriter(Path, long)}, which forces each batch.
 */
public final class BenchmarkWriters {

    private BenchmarkWriters() {
    }

    /** A writer whose batches are written but not forced: the same bytes as the real writer, minus the fsync. */
    public static FileStoreWriter openUnforced(Path dataDir, long segmentBytes) {
        return FileStore.openWriter(dataDir, segmentBytes, channel -> { });
    }
}
