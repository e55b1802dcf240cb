package dev.paperplane.adapters.persistence.postgres;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainVerifier;
import dev.paperplane.application.audit.RecordFormatException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Fetching record rows by seq range through the primary key, and verifying each against the chain. */
final class RecordRows {

    /** One row of the records table as stored. */
    record Row(long seq, String hash, byte[] line) {
    }

    private RecordRows() {
    }

    /** The rows with {@code from <= seq <= to}, in seq order, at most {@code limit}. */
    static List<Row> fetch(Connection connection, Schema schema, long from, long to, int limit)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT seq, hash, line FROM "
                + schema.table(Schema.RECORDS) + " WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?")) {
            query.setLong(1, from);
            query.setLong(2, to);
            query.setInt(3, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getBytes(3)));
                }
            }
            return rows;
        }
    }

    /**
     * Verifies {@code row} as the chain's next record and advances the chain past it: its seq, its line (the
     * canonical bytes and their chain hash) and its hash column. Decodes the event when {@code decode}.
     *
     * @return the record when decoding, else null
     * @throws AuditCorruptionException at the seq the chain expected, naming the table, when anything differs
     */
    static AuditRecord verify(ChainVerifier chain, Row row, String table, boolean decode) {
        long seq = chain.nextSeq();
        if (row.seq() != seq) {
            throw new AuditCorruptionException(seq, table, -1, "record " + seq + " is missing: the next stored "
                    + "record after seq " + (seq - 1) + " is seq " + row.seq());
        }
        byte[] line = row.line();
        if (line.length == 0 || line[line.length - 1] != '\n') {
            throw new AuditCorruptionException(seq, table, -1, "the stored line does not end in a newline");
        }
        AuditRecord record = null;
        try {
            if (decode) {
                record = chain.next(line, 0, line.length - 1);
            } else {
                chain.verify(line, 0, line.length - 1);
            }
        } catch (RecordFormatException e) {
            throw new AuditCorruptionException(seq, table, -1, e.getMessage());
        }
        String hash = chain.head().hash();
        if (!hash.equals(row.hash())) {
            throw new AuditCorruptionException(seq, table, -1, "the hash column holds " + row.hash()
                    + " but the record's line hashes to " + hash);
        }
        return record;
    }

    /** The corruption of a record that was verified before and is no longer there. */
    static AuditCorruptionException vanished(long seq, String table) {
        return new AuditCorruptionException(seq, table, -1, "record " + seq + " is missing although it was "
                + "verified before: it was deleted behind the store's back");
    }
}
