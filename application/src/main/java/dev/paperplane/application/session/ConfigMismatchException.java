package dev.paperplane.application.session;

/** The log was written under another configuration; running on would mix two sets of rules in one ledger. */
public final class ConfigMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The log's fingerprint and the requested one. */
    public ConfigMismatchException(String recorded, String requested) {
        super("the configuration's fingerprint " + requested + " differs from " + recorded
                + ", the one recorded in the audit log; run with the configuration the log was started with,"
                + " or use a fresh data directory. Nothing was written.");
    }
}
