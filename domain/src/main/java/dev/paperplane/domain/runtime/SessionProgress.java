package dev.paperplane.domain.runtime;

/**
 * Counters of the current (or last) session since its {@code SessionStarted}.
 *
 * @param open whether the session is running (started and not completed)
 */
public record SessionProgress(boolean open, long bars, long decisions, long fills, long rejections) {
    /** Before any session. */
    public static final SessionProgress NONE = new SessionProgress(false, 0, 0, 0, 0);
    /** A session that just started. */
    static final SessionProgress STARTED = new SessionProgress(true, 0, 0, 0, 0);

    public SessionProgress {
        if (bars < 0 || decisions < 0 || fills < 0 || rejections < 0) {
            throw new IllegalArgumentException("session counters must not be negative");
        }
    }

    SessionProgress withBar() {
        return new SessionProgress(open, bars + 1, decisions, fills, rejections);
    }

    SessionProgress withDecision() {
        return new SessionProgress(open, bars, decisions + 1, fills, rejections);
    }

    SessionProgress withFill() {
        return new SessionProgress(open, bars, decisions, fills + 1, rejections);
    }

    SessionProgress withRejection() {
        return new SessionProgress(open, bars, decisions, fills, rejections + 1);
    }

    SessionProgress closed() {
        return new SessionProgress(false, bars, decisions, fills, rejections);
    }
}
