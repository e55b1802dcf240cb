package dev.paperplane.bench;

import dev.paperplane.adapters.persistence.FileStoreWriter;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import java.util.ArrayList;
import java.util.List;

/**
 * A file store writer taking the runtime's batches in groups of about {@value #GROUP} records, each one durable
 * write ({@link FileStoreWriter#appendBatches}, as {@code paperplane copy} appends): the data directory holds the
 * bytes and segment files that appending batch by batch leaves, without one fsync per bar. A snapshot is stored
 * once the records before it are.
 */
final class GroupedWriter implements AuditAppendPort, SnapshotStorePort {
    /** Records gathered before a group is appended. */
    static final int GROUP = 1000;

    private final FileStoreWriter writer;
    private final List<List<EncodedRecord>> pending = new ArrayList<>();
    private int records;
    private ChainHead head;

    GroupedWriter(FileStoreWriter writer) {
        this.writer = writer;
        this.head = writer.head();
    }

    /** The head after the batches taken, appended or not yet. */
    @Override
    public ChainHead head() {
        return head;
    }

    @Override
    public void append(List<EncodedRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        pending.add(batch);
        records += batch.size();
        head = new ChainHead(batch.getLast().seq(), batch.getLast().hash());
        if (records >= GROUP) {
            flush();
        }
    }

    @Override
    public void store(Snapshot snapshot) {
        flush();
        writer.store(snapshot);
    }

    /** Appends the gathered batches. */
    void flush() {
        writer.appendBatches(pending);
        pending.clear();
        records = 0;
    }

    /** Appends what is gathered and closes the writer. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            writer.close();
        }
    }
}
