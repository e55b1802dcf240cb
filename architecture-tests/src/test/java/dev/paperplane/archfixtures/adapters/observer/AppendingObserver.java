package dev.paperplane.archfixtures.adapters.observer;

import dev.paperplane.archfixtures.application.audit.append.FixtureAppendPort;

/** Breaks passive observability: the observer holds the audit write port. */
public final class AppendingObserver {
    FixtureAppendPort port;
}
