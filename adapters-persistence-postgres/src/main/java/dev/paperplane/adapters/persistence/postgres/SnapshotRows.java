package dev.paperplane.adapters.persistence.postgres;

import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotInfo;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The snapshots table: one row per snapshot, its state bytes next to the checksum recorded when it was stored.
 * Reading reports every way a row can be unusable instead of throwing, like the snapshot files.
 */
final class SnapshotRows {

    private SnapshotRows() {
    }

    static void validate(Snapshot snapshot) {
        if (snapshot.seq() < 0 || snapshot.schemaVersion() < 1 || !ChainHead.isHash(snapshot.chainHash())) {
            throw new IllegalArgumentException("snapshot at seq " + snapshot.seq() + " needs a seq >= 0, a schema "
                    + "version >= 1 and a chain hash of 64 lowercase hex digits, got schema "
                    + snapshot.schemaVersion() + " and chain hash '" + snapshot.chainHash() + "'");
        }
    }

    /**
     * Inserts {@code snapshot} in the connection's open transaction; a row already at its seq is kept.
     *
     * @return false when a different snapshot is stored at that seq
     */
    static boolean insert(Connection connection, Schema schema, Snapshot snapshot) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.table(Schema.SNAPSHOTS)
                + " (seq, chain_hash, schema_version, checksum, state) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (seq) DO NOTHING")) {
            insert.setLong(1, snapshot.seq());
            insert.setString(2, snapshot.chainHash());
            insert.setInt(3, snapshot.schemaVersion());
            insert.setString(4, snapshot.checksum());
            insert.setBytes(5, snapshot.state());
            if (insert.executeUpdate() == 1) {
                return true;
            }
        }
        // compared by the server: the stored state, whatever its size, is never fetched
        try (PreparedStatement query = connection.prepareStatement("SELECT chain_hash = ? AND schema_version = ?"
                + " AND state = ? FROM " + schema.table(Schema.SNAPSHOTS) + " WHERE seq = ?")) {
            query.setString(1, snapshot.chainHash());
            query.setInt(2, snapshot.schemaVersion());
            query.setBytes(3, snapshot.state());
            query.setLong(4, snapshot.seq());
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Every stored snapshot, newest first, with its problem if any; checksums are computed by the server. */
    static List<SnapshotInfo> list(Connection connection, Schema schema) throws SQLException {
        List<SnapshotInfo> infos = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT seq, chain_hash, schema_version, checksum,"
                + " octet_length(state), CASE WHEN octet_length(state) <= ? THEN encode(sha256(state), 'hex') END"
                + " FROM " + schema.table(Schema.SNAPSHOTS) + " ORDER BY seq DESC")) {
            query.setInt(1, Snapshot.MAX_STATE_BYTES);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int schemaVersion = rows.getInt(3);
                    String checksum = rows.getString(4);
                    String problem = rows.getLong(5) > Snapshot.MAX_STATE_BYTES ? tooLarge(rows.getLong(5))
                            : problem(rows.getString(2), schemaVersion, checksum, rows.getString(6));
                    infos.add(new SnapshotInfo(rows.getLong(1), rows.getString(2), schemaVersion, checksum,
                            fileSize(rows.getLong(1), rows.getString(2), schemaVersion, checksum, rows.getLong(5)),
                            Optional.ofNullable(problem)));
                }
            }
        }
        return infos;
    }

    /**
     * The size of the snapshot as the file store writes it (header line, state, newline): the size a listing
     * reports, so that listings, and the observer's bodies built from them, are the same in either store.
     */
    static long fileSize(long seq, String chainHash, int schemaVersion, String checksum, long stateBytes) {
        String header = "{\"schemaVersion\":" + schemaVersion + ",\"seq\":" + seq + ",\"chainHash\":\"" + chainHash
                + "\",\"checksum\":\"" + checksum + "\",\"stateBytes\":" + stateBytes + "}\n";
        return header.getBytes(StandardCharsets.UTF_8).length + stateBytes + 1;
    }

    /**
     * The snapshot at {@code seq} if one is stored and intact, verified here rather than by the server. The state's
     * size is checked in SQL first: a state beyond {@link Snapshot#MAX_STATE_BYTES} is never fetched.
     */
    static Optional<Snapshot> load(Connection connection, Schema schema, long seq) throws SQLException {
        if (seq < 0) {
            return Optional.empty();
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT chain_hash, schema_version, checksum, "
                + "CASE WHEN octet_length(state) <= ? THEN state END FROM " + schema.table(Schema.SNAPSHOTS)
                + " WHERE seq = ?")) {
            query.setInt(1, Snapshot.MAX_STATE_BYTES);
            query.setLong(2, seq);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String chainHash = row.getString(1);
                int schemaVersion = row.getInt(2);
                byte[] state = row.getBytes(4);
                if (state == null
                        || problem(chainHash, schemaVersion, row.getString(3), Snapshot.checksumOf(state)) != null) {
                    return Optional.empty();
                }
                return Optional.of(new Snapshot(seq, chainHash, schemaVersion, state));
            }
        }
    }

    private static String tooLarge(long stateBytes) {
        return "too large: " + stateBytes + " state bytes, more than the " + Snapshot.MAX_STATE_BYTES
                + " a snapshot may have; its bytes were not read";
    }

    private static String problem(String chainHash, int schemaVersion, String checksum, String actual) {
        if (schemaVersion != Snapshot.CURRENT_SCHEMA) {
            return "unknown schema version " + schemaVersion + " (this runtime reads " + Snapshot.CURRENT_SCHEMA + ")";
        }
        if (!ChainHead.isHash(chainHash)) {
            return "malformed chain hash '" + chainHash + "'";
        }
        if (!actual.equals(checksum)) {
            return "checksum mismatch: the row records " + checksum + ", the state hashes to " + actual;
        }
        return null;
    }
}
