package dev.paperplane.archfixtures.application.audit.append;

/** Stands in for the audit write port. */
public interface FixtureAppendPort {
    void append(String record);
}
