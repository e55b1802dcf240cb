package dev.paperplane.application.observe;

import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What is known about the verified prefix of the audit log.
 *
 * @param verified        the last record verified in order (seq and chain hash); GENESIS for an empty log
 * @param countsByType    records per event type, over the verified prefix
 * @param firstTime       event time of seq 1, if verified
 * @param lastTime        event time of {@code verified.seq()}, if any
 * @param latestSession   the last {@code SessionStarted} record of the verified prefix
 * @param chainBreak      the first record that failed verification; nothing after it is counted
 */
public record LogOverview(ChainHead verified, SortedMap<String, Long> countsByType, Optional<Instant> firstTime,
                          Optional<Instant> lastTime, Optional<AuditRecord> latestSession,
                          Optional<ChainBreak> chainBreak) {

    /** The overview of a log nothing of which has been read yet. */
    public static final LogOverview EMPTY = new LogOverview(ChainHead.GENESIS, new TreeMap<>(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public LogOverview {
        Objects.requireNonNull(verified, "verified");
        countsByType = Collections.unmodifiableSortedMap(new TreeMap<>(countsByType));
        Objects.requireNonNull(firstTime, "firstTime");
        Objects.requireNonNull(lastTime, "lastTime");
        Objects.requireNonNull(latestSession, "latestSession");
        Objects.requireNonNull(chainBreak, "chainBreak");
    }

    /** Whether every record up to {@link #verified()} verified and none failed. */
    public boolean intact() {
        return chainBreak.isEmpty();
    }
}
