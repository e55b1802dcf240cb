package dev.paperplane.adapters.persistence;

import java.util.List;
import java.util.TreeMap;

/**
 * The sparse seq index of a reader: where verified records start, for every {@value #INTERVAL}th record and
 * every segment's first, so reading at any seq verifies at most one interval before it. Not thread-safe.
 */
final class SeqIndex {
    /** Records between two entries. */
    static final int INTERVAL = 1024;

    private final TreeMap<Long, LogPosition> entries = new TreeMap<>();

    /** Whether the record {@code seq}, whose line starts at {@code offset} of its segment, gets an entry. */
    static boolean indexes(long seq, long offset) {
        return offset == 0 || (seq - 1) % INTERVAL == 0;
    }

    /** Whether an entry's record ends an interval: a stream hands its progress over after it. */
    static boolean endsInterval(long seq) {
        return seq % INTERVAL == 0;
    }

    void add(LogPosition start) {
        entries.put(start.nextSeq(), start);
    }

    /** Adds the entries of records at or after {@code firstSeq}. */
    void addFrom(long firstSeq, List<LogPosition> starts) {
        for (LogPosition start : starts) {
            if (start.nextSeq() >= firstSeq) {
                add(start);
            }
        }
    }

    /** The entry at or before {@code seq}; some entry is at or before every verified seq. */
    LogPosition floor(long seq) {
        return entries.floorEntry(seq).getValue();
    }

    /** The entry of record {@code seq}, which has one. */
    LogPosition at(long seq) {
        return entries.get(seq);
    }

    void clear() {
        entries.clear();
    }
}
