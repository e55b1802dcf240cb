package dev.paperplane.application.observe;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.domain.audit.SessionStarted;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Keeps a {@link LogOverview} of the audit log and brings it up to date on request, reading only the records
 * appended since the previous request: the whole log is verified once, then incrementally as it grows. Holds
 * counts, not records, so its memory does not grow with the log.
 */
public final class LogDigest {
    private final AuditReadPort log;
    private final ReentrantLock lock = new ReentrantLock();
    private LogOverview current = LogOverview.EMPTY;

    /** A digest of {@code log}, empty until the first {@link #catchUp()}. */
    public LogDigest(AuditReadPort log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Verifies and counts whatever the log's head is ahead of the last call, and returns the overview. Once a
     * record fails verification the overview stops there: corruption does not heal.
     */
    public LogOverview catchUp() {
        lock.lock();
        try {
            current = advance(current, log.head());
            return current;
        } finally {
            lock.unlock();
        }
    }

    private LogOverview advance(LogOverview from, ChainHead head) {
        if (!from.intact()) {
            return from;
        }
        ChainHead verified = from.verified();
        if (head.seq() < verified.seq()) {
            return broken(from, head.seq() + 1, "the log's head moved back from seq " + verified.seq()
                    + " to seq " + head.seq() + ": records already verified are gone");
        }
        if (head.seq() == verified.seq()) {
            return head.hash().equals(verified.hash()) ? from
                    : broken(from, head.seq(), "the chain hash at seq " + head.seq() + " changed after it was verified");
        }
        SortedMap<String, Long> counts = new TreeMap<>(from.countsByType());
        Optional<Instant> firstTime = from.firstTime();
        Optional<Instant> lastTime = from.lastTime();
        Optional<AuditRecord> latestSession = from.latestSession();
        Optional<ChainBreak> chainBreak = Optional.empty();
        try (Stream<AuditRecord> records = log.readAfter(verified.seq())) {
            Iterator<AuditRecord> it = records.iterator();
            while (verified.seq() < head.seq()) {
                long expected = verified.seq() + 1;
                if (!it.hasNext()) {
                    chainBreak = Optional.of(new ChainBreak(expected, "the log ends before its head seq " + head.seq()));
                    break;
                }
                AuditRecord record = it.next();
                if (record.seq() != expected) {
                    chainBreak = Optional.of(new ChainBreak(expected, "expected seq " + expected + ", read seq "
                            + record.seq()));
                    break;
                }
                counts.merge(record.event().type(), 1L, Long::sum);
                if (firstTime.isEmpty()) {
                    firstTime = Optional.of(record.event().time());
                }
                lastTime = Optional.of(record.event().time());
                if (record.event() instanceof SessionStarted) {
                    latestSession = Optional.of(record);
                }
                verified = new ChainHead(record.seq(), record.hash());
            }
        } catch (AuditCorruptionException e) {
            chainBreak = Optional.of(new ChainBreak(e.seq(), e.getMessage()));
        }
        if (chainBreak.isEmpty() && !verified.hash().equals(head.hash())) {
            chainBreak = Optional.of(new ChainBreak(head.seq(), "the record's hash differs from the log's head hash"));
        }
        return new LogOverview(verified, counts, firstTime, lastTime, latestSession, chainBreak);
    }

    private static LogOverview broken(LogOverview from, long seq, String reason) {
        return new LogOverview(from.verified(), from.countsByType(), from.firstTime(), from.lastTime(),
                from.latestSession(), Optional.of(new ChainBreak(seq, reason)));
    }
}
