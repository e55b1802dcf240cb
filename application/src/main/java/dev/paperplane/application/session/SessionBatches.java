package dev.paperplane.application.session;

import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.audit.SessionStarted;

/**
 * Where {@link RunPaperSession} begins a new append, told from the events alone: each bar's events are one batch,
 * the session's {@code SessionStarted} leads the batch of its first bar, and {@code SessionCompleted} is a batch of
 * its own. A copy regroups a log along these boundaries so that a file store it writes rolls its segments where
 * the runtime's writer did. The one log this does not describe is one where a crash cut a batch short and the
 * next run completed it ({@link InitializeRuntime#unfinishedBatch}): that batch went in as two appends.
 */
public final class SessionBatches {
    private SessionBatches() {
    }

    /**
     * Whether the runtime appended {@code event} as the first record of a batch.
     *
     * @param previous the event just before it in the log, or {@code null} when it is the log's first
     */
    public static boolean startsBatch(AuditEvent previous, AuditEvent event) {
        if (event instanceof SessionStarted || event instanceof SessionCompleted || previous == null) {
            return true;
        }
        return event instanceof MarketBarObserved && !(previous instanceof SessionStarted);
    }
}
