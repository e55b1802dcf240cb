package dev.paperplane.application.audit;

/**
 * The store cancelled a read on its own, and the same read repeated later succeeds: a hot standby cancels a query
 * that holds back the replay of its primary's changes (a recovery conflict). Nothing read before it is wrong, and a
 * reader that was catching up resumes where it stopped.
 */
public final class ReadCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A cancelled read, {@code message} saying which and why, with the store's own failure as the cause. */
    public ReadCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
