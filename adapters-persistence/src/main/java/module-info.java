/** The embedded default store: hash-chained JSON Lines segments and atomic snapshot files. */
module dev.paperplane.adapters.persistence {
    requires transitive dev.paperplane.application;

    // The writer exposes the write ports: only bootstrap, which wires the runtime, may see this package.
    exports dev.paperplane.adapters.persistence to
            dev.paperplane.bootstrap;
}
