package dev.paperplane.adapters.persistence.postgres;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.AuditStorage;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ChainVerifier;
import dev.paperplane.application.audit.StoredLine;
import dev.paperplane.application.audit.ReadCancelledException;
import dev.paperplane.application.audit.Replica;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a PostgreSQL store through one connection whose every statement is a read-only transaction, so it
 * sees committed batches only. Like the file reader it follows the log forward, verifying every record once,
 * and keeps the verified chain hash of every {@value #INDEX_INTERVAL}th record, so reading at any seq fetches
 * (through the seq primary key) and re-verifies at most one interval before it. A row that fails verification
 * is reported at its seq with the table as segment and offset -1. A broken connection is reopened on the next
 * call. On a hot standby it runs the same read-only queries, in bounded pages, and a query the standby cancels
 * for a recovery conflict is a {@link ReadCancelledException}: the chain verified so far stays, and the next call
 * resumes from it. Thread-safe: calls take turns on the connection; a stream holds nothing open between its pages.
 */
public final class PostgresStoreReader implements AuditReadPort, SnapshotLoadPort, AutoCloseable {

    /** Records between two verified hashes kept in memory. */
    static final int INDEX_INTERVAL = 128;
    /** Rows fetched per query. */
    static final int PAGE = 512;

    /** The SQLSTATE of a statement a hot standby cancelled for a recovery conflict. */
    static final String RECOVERY_CONFLICT = "40001";

    private static final HexFormat HEX = HexFormat.of();
    /**
     * Whether the server is a standby, and its replay lag in microseconds: the age of the last replayed commit while
     * WAL is received and not yet replayed, else 0; null when nothing was replayed yet.
     */
    private static final String REPLICA = "SELECT pg_is_in_recovery(), CASE "
            + "WHEN NOT pg_is_in_recovery() THEN 0 "
            + "WHEN pg_last_wal_receive_lsn() IS NOT NULL AND pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() "
            + "THEN 0 "
            + "ELSE greatest(0, (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000000)"
            + "::bigint) END";

    private final PostgresTarget target;
    private final Schema schema;
    private final String table;

    // guarded by this
    private Connection connection;
    private final ChainVerifier verifier = new ChainVerifier(ChainHead.GENESIS);
    private byte[] index = new byte[32 * 64];
    private long bytes;
    private boolean closed;
    /** Follows of the log begun, counted before each begins; read without the lock by callers as they arrive. */
    private final AtomicLong follows = new AtomicLong();
    /** The count of the last follow that completed. */
    private long followed;

    private PostgresStoreReader(PostgresTarget target, Schema schema, Connection connection) {
        this.target = target;
        this.schema = schema;
        this.table = schema.label(Schema.RECORDS);
        this.connection = connection;
    }

    static PostgresStoreReader open(PostgresTarget target) {
        Schema schema = new Schema(target.schema());
        Connection connection = Connections.reader(target);
        try {
            if (schema.inspect(connection, target.location()) != Schema.State.CURRENT) {
                throw new PostgresStoreException("there is no paperplane store at " + target.location()
                        + ": point the reader at the database and schema the runtime writes, or run the runtime "
                        + "once to create the store");
            }
            return new PostgresStoreReader(target, schema, connection);
        } catch (SQLException e) {
            Connections.closeQuietly(connection);
            throw new PostgresStoreException("cannot open the store " + target.location() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Connections.closeQuietly(connection);
            throw e;
        }
    }

    /** The store this reader reads. */
    public PostgresTarget target() {
        return target;
    }

    /**
     * {@inheritDoc} Calls that arrive while another follows the log wait for the connection and then share the
     * next follow begun after they arrived, or its result if it already ran, so concurrent requests cost one query.
     */
    @Override
    public ChainHead head() {
        long arrived = follows.get();
        synchronized (this) {
            refreshSince(arrived);
            return verifier.head();
        }
    }

    /**
     * Follows the log unless a follow begun after {@code arrived} (a count of {@link #follows} the caller read as it
     * came) has completed: that follow's query was sent after the caller came, so it saw every batch committed
     * before, as the caller's own query would. Called with the lock held.
     */
    private void refreshSince(long arrived) {
        if (followed <= arrived) {
            refresh();
        }
    }

    /** Verifies the records committed after the last verified one. */
    private void refresh() {
        long count = follows.incrementAndGet();
        follow();
        followed = count;
    }

    private void follow() {
        while (true) {
            long from = verifier.nextSeq();
            List<RecordRows.Row> rows = fetch(from, Long.MAX_VALUE, PAGE);
            for (RecordRows.Row row : rows) {
                RecordRows.verify(verifier, row, table, false);
                bytes += row.line().length;
                if (row.seq() % INDEX_INTERVAL == 0) {
                    remember(row.seq() / INDEX_INTERVAL, verifier.head().hash());
                }
            }
            if (rows.size() < PAGE) {
                return;
            }
        }
    }

    private void remember(long slot, String hash) {
        int at = Math.toIntExact(slot * 32);
        if (at + 32 > index.length) {
            index = Arrays.copyOf(index, Math.max(index.length * 2, at + 32));
        }
        System.arraycopy(HEX.parseHex(hash), 0, index, at, 32);
    }

    /** The verified head just before the index interval holding {@code seq}. */
    private ChainHead indexedBefore(long seq) {
        long slot = (seq - 1) / INDEX_INTERVAL;
        int at = Math.toIntExact(slot * 32);
        return new ChainHead(slot * INDEX_INTERVAL, HEX.formatHex(index, at, at + 32));
    }

    @Override
    public synchronized Optional<AuditRecord> read(long seq) {
        if (seq < 1) {
            return Optional.empty();
        }
        if (seq > verifier.head().seq()) {
            refresh();
            if (seq > verifier.head().seq()) {
                return Optional.empty();
            }
        }
        ChainHead start = indexedBefore(seq);
        ChainVerifier chain = new ChainVerifier(start);
        List<RecordRows.Row> rows = fetch(start.seq() + 1, seq, INDEX_INTERVAL);
        AuditRecord record = null;
        for (RecordRows.Row row : rows) {
            record = RecordRows.verify(chain, row, table, row.seq() == seq);
        }
        if (record == null) {
            throw RecordRows.vanished(chain.nextSeq(), table);
        }
        return Optional.of(record);
    }

    @Override
    public Stream<AuditRecord> readAfter(long afterSeq) {
        return stream(afterSeq, (chain, row, wanted) -> RecordRows.verify(chain, row, table, wanted));
    }

    /** {@inheritDoc} Read and verified as {@link #readAfter} reads, each line as its row holds it. */
    @Override
    public Stream<StoredLine> linesAfter(long afterSeq) {
        return stream(afterSeq, (chain, row, wanted) -> {
            RecordRows.verify(chain, row, table, false);
            return wanted ? new StoredLine(row.seq(), Arrays.copyOf(row.line(), row.line().length - 1)) : null;
        });
    }

    private <T> Stream<T> stream(long afterSeq, Yield<T> yield) {
        long from = Math.max(afterSeq, 0) + 1;
        long to;
        ChainHead start;
        synchronized (this) {
            refresh();
            to = verifier.head().seq();
            if (from > to) {
                return Stream.empty();
            }
            start = indexedBefore(from);
        }
        return StreamSupport.stream(new Records<>(start, from, to, yield), false);
    }

    /**
     * {@inheritDoc} The bytes are the record lines verified so far (this call follows the log first): exactly
     * what the same log takes in files. One table is one segment.
     */
    @Override
    public AuditStorage storage() {
        long arrived = follows.get();
        synchronized (this) {
            refreshSince(arrived);
            return new AuditStorage(target.location(), bytes, 1);
        }
    }

    /** {@inheritDoc} Asked of the server each time: {@code pg_is_in_recovery()} and the replay positions. */
    @Override
    public synchronized Replica replica() {
        try (Statement query = connection().createStatement(); ResultSet row = query.executeQuery(REPLICA)) {
            row.next();
            long micros = row.getLong(2);
            return new Replica(row.getBoolean(1), row.wasNull() ? Optional.empty()
                    : Optional.of(Duration.ofNanos(micros * 1000)));
        } catch (SQLException e) {
            throw failure("cannot tell whether the server is a standby", e);
        }
    }

    @Override
    public synchronized List<SnapshotInfo> list() {
        try {
            return SnapshotRows.list(connection(), schema);
        } catch (SQLException e) {
            throw failure("cannot list the snapshots in " + schema.label(Schema.SNAPSHOTS), e);
        }
    }

    @Override
    public synchronized Optional<Snapshot> load(long seq) {
        try {
            return SnapshotRows.load(connection(), schema, seq);
        } catch (SQLException e) {
            throw failure("cannot load the snapshot at seq " + seq + " from " + schema.label(Schema.SNAPSHOTS), e);
        }
    }

    /** Closes the connection; a closed reader refuses every further call. */
    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            Connections.closeQuietly(connection);
            connection = null;
        }
    }

    private synchronized List<RecordRows.Row> fetch(long from, long to, int limit) {
        try {
            return RecordRows.fetch(connection(), schema, from, to, limit);
        } catch (SQLException e) {
            throw failure("cannot read records " + from + ".. from " + table, e);
        }
    }

    private Connection connection() {
        if (closed) {
            throw new IllegalStateException("the reader of " + target.location() + " is closed");
        }
        if (connection == null) {
            connection = Connections.reader(target);
        }
        return connection;
    }

    /**
     * Wraps a failed query, dropping the connection if it is broken so the next call opens a new one. A query a hot
     * standby cancelled for a recovery conflict (SQLSTATE 40001, serialization_failure: the only one a read-only
     * transaction that is not SERIALIZABLE gets) is a {@link ReadCancelledException}.
     */
    private RuntimeException failure(String what, SQLException e) {
        boolean valid;
        try {
            valid = connection != null && connection.isValid(2);
        } catch (SQLException invalid) {
            valid = false;
        }
        if (!valid && connection != null) {
            Connections.closeQuietly(connection);
            connection = null;
        }
        if (RECOVERY_CONFLICT.equals(e.getSQLState())) {
            return new ReadCancelledException(what + " (" + target.location() + "): the standby cancelled the query ("
                    + e.getMessage() + "); repeat it: it succeeds once the standby's replay has moved on", e);
        }
        return new PostgresStoreException(what + " (" + target.location() + "): " + e.getMessage(), e);
    }

    /** What a stream yields of a row it verifies as the chain's next: null for a row before the wanted ones. */
    @FunctionalInterface
    private interface Yield<T> {
        T of(ChainVerifier chain, RecordRows.Row row, boolean wanted);
    }

    /** The records {@code from..to}, fetched a page at a time, verified from an indexed head, yielded as {@code T}. */
    private final class Records<T> extends Spliterators.AbstractSpliterator<T> {
        private final ChainVerifier chain;
        private final long from;
        private final long to;
        private final Yield<T> yield;
        private final ArrayDeque<RecordRows.Row> page = new ArrayDeque<>();

        Records(ChainHead start, long from, long to, Yield<T> yield) {
            super(to - from + 1, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED
                    | Spliterator.IMMUTABLE);
            this.chain = new ChainVerifier(start);
            this.from = from;
            this.to = to;
            this.yield = yield;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            while (chain.nextSeq() <= to) {
                if (page.isEmpty()) {
                    page.addAll(fetch(chain.nextSeq(), to, PAGE));
                    if (page.isEmpty()) {
                        throw RecordRows.vanished(chain.nextSeq(), table);
                    }
                }
                RecordRows.Row row = page.poll();
                T record = yield.of(chain, row, row.seq() >= from);
                if (record != null) {
                    action.accept(record);
                    return true;
                }
            }
            return false;
        }
    }
}
