package dev.paperplane.archfixtures.application.audit.append;

import dev.paperplane.archfixtures.application.audit.AuditPortNamingItsAppender;

/** The other half: the sub-package depends back on its parent, which a one-slice-per-top-package rule misses. */
public interface AppenderNamingItsAuditPort {
    AuditPortNamingItsAppender auditPort();
}
