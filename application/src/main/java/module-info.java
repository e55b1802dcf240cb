/**
 * Ports and use cases. Write ports and the session use case are exported only to the modules that must
 * see them, so a reader (the observer) cannot even compile against them.
 */
module dev.paperplane.application {
    requires transitive dev.paperplane.domain;

    exports dev.paperplane.application.audit;
    exports dev.paperplane.application.snapshot;
    exports dev.paperplane.application.replay;
    exports dev.paperplane.application.verify;
    exports dev.paperplane.application.observe;
    exports dev.paperplane.application.analytics;
    exports dev.paperplane.application.text;
    exports dev.paperplane.application.tlog;

    exports dev.paperplane.application.audit.append to
            dev.paperplane.adapters.persistence,
            dev.paperplane.adapters.persistence.postgres,
            dev.paperplane.bootstrap;
    exports dev.paperplane.application.snapshot.store to
            dev.paperplane.adapters.persistence,
            dev.paperplane.adapters.persistence.postgres,
            dev.paperplane.bootstrap;
    exports dev.paperplane.application.feed to
            dev.paperplane.bootstrap;
    exports dev.paperplane.application.feed.imports to
            dev.paperplane.bootstrap;
    exports dev.paperplane.application.session to
            dev.paperplane.bootstrap;
    exports dev.paperplane.application.copy to
            dev.paperplane.bootstrap;
}
