package dev.paperplane.adapters.observer;

/**
 * The observer refused to start because it would be unsafe or cannot be set up as asked: bound off loopback
 * without a token, or given a token or TLS file it cannot use. The message says why and what to do, and never
 * contains a secret.
 */
public final class ObserverRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A refusal explained by {@code message}. */
    public ObserverRefusedException(String message) {
        super(message, null, false, false);
    }
}
