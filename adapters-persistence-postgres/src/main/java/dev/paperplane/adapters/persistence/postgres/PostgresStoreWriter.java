package dev.paperplane.adapters.persistence.postgres;

import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.ChainVerifier;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.audit.RecordFormatException;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.audit.append.AuditWriteException;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.store.SnapshotStorePort;
import dev.paperplane.application.snapshot.store.SnapshotWriteException;
import dev.paperplane.domain.audit.AuditEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The single writer of a PostgreSQL store. Holds a session-level advisory lock on its own connection for its
 * whole life, so a second writer is refused at once and a killed writer's lock ends with its session. Each
 * batch is one transaction committed with synchronous commit; a failed commit stops the writer for good.
 * Thread-safe.
 */
public final class PostgresStoreWriter implements AuditAppendPort, SnapshotStorePort {

    /** Records at the end of the log verified when the writer opens; readers verify everything. */
    static final int OPENING_CHECK = 1024;

    private final PostgresTarget target;
    private final Schema schema;
    private final Connection connection;
    private final int backendPid;

    private ChainHead head;
    private Exception failure;
    private boolean closed;

    private PostgresStoreWriter(PostgresTarget target, Schema schema, Connection connection, int backendPid,
                                ChainHead head) {
        this.target = target;
        this.schema = schema;
        this.connection = connection;
        this.backendPid = backendPid;
        this.head = head;
    }

    static PostgresStoreWriter open(PostgresTarget target) {
        Schema schema = new Schema(target.schema());
        Connection connection = Connections.writer(target);
        try {
            requirePrimary(connection, target);
            int pid = lock(connection, schema, target);
            create(connection, schema, target);
            ChainHead head = storedHead(connection, schema);
            connection.commit();
            return new PostgresStoreWriter(target, schema, connection, pid, head);
        } catch (SQLException e) {
            Connections.closeQuietly(connection);
            throw new PostgresStoreException("cannot open the store " + target.location() + " for writing: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            Connections.closeQuietly(connection);
            throw e;
        }
    }

    /** Refuses a hot standby, which would refuse the first write, with what to do instead. */
    private static void requirePrimary(Connection connection, PostgresTarget target) throws SQLException {
        boolean standby;
        try (Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT pg_is_in_recovery()")) {
            row.next();
            standby = row.getBoolean(1);
        }
        connection.commit();
        if (standby) {
            throw new PostgresStoreException("the server of " + target.location() + " is a hot standby "
                    + "(pg_is_in_recovery() is true), and a standby is read-only: run writes to the primary only. "
                    + "Point --store at the primary, or add targetServerType=primary to a locator of several hosts");
        }
    }

    /** Takes the store's advisory lock or explains who holds it; returns this session's backend pid. */
    private static int lock(Connection connection, Schema schema, PostgresTarget target) throws SQLException {
        long key = schema.lockKey();
        boolean locked;
        int pid;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT pg_try_advisory_lock(?), pg_backend_pid()")) {
            query.setLong(1, key);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                locked = row.getBoolean(1);
                pid = row.getInt(2);
            }
        }
        connection.commit();
        if (!locked) {
            throw new PostgresStoreException("the store " + target.location() + " is already open for writing: "
                    + "another writer holds its advisory lock" + holder(connection, key) + ". Only one runtime may "
                    + "write a store: stop the other one, or use another schema (?schema=…) or database.");
        }
        return pid;
    }

    private static String holder(Connection connection, long key) {
        try (PreparedStatement query = connection.prepareStatement("SELECT l.pid, a.application_name, "
                + "host(a.client_addr), a.backend_start FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
                + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "AND l.classid::bigint = ? AND l.objid::bigint = ?")) {
            query.setLong(1, key >>> 32);
            query.setLong(2, key & 0xffff_ffffL);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return "";
                }
                String client = row.getString(3);
                return " (server backend pid " + row.getInt(1)
                        + (row.getString(2) == null ? "" : ", application '" + row.getString(2) + "'")
                        + (client == null ? "" : ", client " + client)
                        + (row.getObject(4) == null ? "" : ", connected since " + row.getObject(4)) + ")";
            }
        } catch (SQLException e) {
            return "";
        } finally {
            Connections.rollbackQuietly(connection);
        }
    }

    /** Creates the tables on first use, under the lock, in one transaction; checks the version otherwise. */
    private static void create(Connection connection, Schema schema, PostgresTarget target) throws SQLException {
        Schema.State state = schema.inspect(connection, target.location());
        if (state == Schema.State.CURRENT) {
            requireInsert(connection, schema, target);
            return;
        }
        try (Statement ddl = connection.createStatement()) {
            for (String sql : schema.ddl(state == Schema.State.ABSENT)) {
                ddl.execute(sql);
            }
        }
        connection.commit();
    }

    /** Refuses at once a role that could read the store but not append to it, instead of at the first batch. */
    private static void requireInsert(Connection connection, Schema schema, PostgresTarget target)
            throws SQLException {
        for (String table : new String[] {Schema.RECORDS, Schema.SNAPSHOTS}) {
            try (PreparedStatement query = connection.prepareStatement("SELECT has_table_privilege(?, 'INSERT')")) {
                query.setString(1, schema.table(table));
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        throw new PostgresStoreException("the role " + target.user() + " may not insert into "
                                + schema.label(table) + " of " + target.location() + ": the writer needs SELECT and "
                                + "INSERT on the store's tables (see docs/postgres.md); is this the observer's role?");
                    }
                }
            }
        }
        connection.commit();
    }

    /** The stored head, verifying the last {@value #OPENING_CHECK} records. */
    private static ChainHead storedHead(Connection connection, Schema schema) throws SQLException {
        long last;
        try (Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT coalesce(max(seq), 0) FROM " + schema.table(Schema.RECORDS))) {
            row.next();
            last = row.getLong(1);
        }
        if (last == 0) {
            return ChainHead.GENESIS;
        }
        String table = schema.label(Schema.RECORDS);
        long anchor = Math.max(0, last - OPENING_CHECK);
        ChainHead start = ChainHead.GENESIS;
        if (anchor > 0) {
            List<RecordRows.Row> rows = RecordRows.fetch(connection, schema, anchor, anchor, 1);
            if (rows.isEmpty()) {
                throw RecordRows.vanished(anchor, table);
            }
            byte[] line = rows.getFirst().line();
            try {
                start = AuditCodec.claimedHead(line, 0, Math.max(0, line.length - 1));
            } catch (RecordFormatException e) {
                throw new AuditCorruptionException(anchor, table, -1, e.getMessage());
            }
        }
        ChainVerifier chain = new ChainVerifier(start);
        while (chain.nextSeq() <= last) {
            List<RecordRows.Row> rows = RecordRows.fetch(connection, schema, chain.nextSeq(), last,
                    PostgresStoreReader.PAGE);
            if (rows.isEmpty()) {
                throw RecordRows.vanished(chain.nextSeq(), table);
            }
            for (RecordRows.Row row : rows) {
                RecordRows.verify(chain, row, table, false);
            }
        }
        return chain.head();
    }

    /** The store this writer holds. */
    public PostgresTarget target() {
        return target;
    }

    /** The server process of this writer's session, which holds the lock. */
    int backendPid() {
        return backendPid;
    }

    @Override
    public synchronized ChainHead head() {
        return head;
    }

    /**
     * {@inheritDoc} One transaction, committed with synchronous commit before this returns.
     *
     * @throws IllegalArgumentException when the batch does not verify as the canonical continuation of the head
     *                                  (nothing is written and the writer stays usable)
     * @throws IllegalStateException    when the writer is closed
     */
    @Override
    public synchronized void append(List<EncodedRecord> batch) {
        requireOpen();
        if (failure != null) {
            throw new AuditWriteException("the audit writer for " + target.location() + " stopped for good after an "
                    + "earlier write failure (" + failure.getMessage() + "); it accepts no more records. Restart the "
                    + "runtime: it continues from the last committed batch.", failure);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<AuditEvent> events = EncodedRecord.verifyContinuation(head, batch);
        long first = batch.getFirst().seq();
        ChainHead after = new ChainHead(batch.getLast().seq(), batch.getLast().hash());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.table(Schema.RECORDS)
                + " (seq, type, \"time\", hash, line) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < batch.size(); i++) {
                EncodedRecord record = batch.get(i);
                AuditEvent event = events.get(i);
                insert.setLong(1, record.seq());
                insert.setString(2, event.type());
                insert.setObject(3, event.time().atOffset(ZoneOffset.UTC));
                insert.setString(4, record.hash());
                insert.setBytes(5, record.line());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            head = after;
        } catch (SQLException | RuntimeException e) {
            // a driver failure of any kind leaves the commit's outcome unknown: stop like for an SQL error
            failure = e;
            Connections.rollbackQuietly(connection);
            throw new AuditWriteException("could not commit records " + first + ".." + after.seq() + " to "
                    + schema.label(Schema.RECORDS) + " in " + target.location() + ": " + e.getMessage()
                    + ". The writer has stopped for good; records up to seq " + head.seq() + " are committed (if the "
                    + "connection broke during the commit, this batch may be too). Restart the runtime: it continues "
                    + "from the last committed batch.", e);
        }
    }


    /**
     * {@inheritDoc} One transaction with synchronous commit. Storing the same snapshot again is a no-op; a
     * different one at a stored seq is refused.
     *
     * @throws IllegalStateException   when a different snapshot is stored at that seq, or the writer is closed
     * @throws SnapshotWriteException  when the snapshot could not be committed
     */
    @Override
    public synchronized void store(Snapshot snapshot) {
        requireOpen();
        SnapshotRows.validate(snapshot);
        boolean stored;
        try {
            stored = SnapshotRows.insert(connection, schema, snapshot);
            if (stored) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            Connections.rollbackQuietly(connection);
            throw new SnapshotWriteException("could not store the snapshot at seq " + snapshot.seq() + " in "
                    + schema.label(Schema.SNAPSHOTS) + " (" + target.location() + "): " + e.getMessage(), e);
        }
        if (!stored) {
            throw new IllegalStateException("a different snapshot at seq " + snapshot.seq() + " is already stored "
                    + "in " + schema.label(Schema.SNAPSHOTS) + " (" + target.location() + "); snapshots are never "
                    + "replaced");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the writer of " + target.location() + " is closed");
        }
    }

    /**
     * Releases the advisory lock and ends the session. The lock is released explicitly first because the server
     * ends a closed session a moment after the client has moved on, and a writer opened right after this one
     * must find the store free.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, schema.lockKey());
            unlock.execute();
            connection.commit();
        } catch (SQLException e) {
            // a broken session has ended on the server, and its lock with it
        }
        Connections.closeQuietly(connection);
    }
}
