package dev.paperplane.archfixtures.application.audit;

import dev.paperplane.archfixtures.application.audit.append.FixtureAppendPort;

/** One half of a cycle between a package and its sub-package: the parent depends on the child. */
public interface AuditPortNamingItsAppender {
    FixtureAppendPort appender();
}
