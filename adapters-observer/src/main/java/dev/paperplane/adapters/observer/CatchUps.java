package dev.paperplane.adapters.observer;

import dev.paperplane.application.observe.LogDigest;
import dev.paperplane.application.observe.LogOverview;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The digest's catch-ups, with what the latest one found: the metrics show it. Every request that needs the
 * verified overview (runtime, summary, integrity, readiness, a metrics scrape) goes through here.
 */
final class CatchUps {
    private final LogDigest digest;
    private final ReentrantLock lock = new ReentrantLock();
    private Latest latest = new Latest(LogOverview.EMPTY, 0, true);

    /**
     * What the latest catch-up found.
     *
     * @param overview the overview it returned (the previous one if it failed)
     * @param events   how many records it verified beyond the previous catch-up
     * @param readable whether it could read the log
     */
    record Latest(LogOverview overview, long events, boolean readable) {
        /** Whether the log read and verified up to its head. */
        boolean intact() {
            return readable && overview.intact();
        }
    }

    CatchUps(LogDigest digest) {
        this.digest = digest;
    }

    /** Brings the digest up to date; throws what the log throws. */
    LogOverview catchUp() {
        lock.lock();
        try {
            LogOverview before = latest.overview();
            try {
                LogOverview now = digest.catchUp();
                latest = new Latest(now, Math.max(0, now.verified().seq() - before.verified().seq()), true);
                return now;
            } catch (RuntimeException e) {
                latest = new Latest(before, 0, false);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Brings the digest up to date if the log can be read; the outcome shows in {@link #latest()}. */
    void tryCatchUp() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            // recorded as unreadable in latest(); the scrape itself still answers
        }
    }

    Latest latest() {
        lock.lock();
        try {
            return latest;
        } finally {
            lock.unlock();
        }
    }
}
