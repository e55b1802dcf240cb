/** The embedded default store: hash-chained JSON Lines segments and atomic snapshot files. */
module dev.paperplane.adapters.persistence {
    requires transitive dev.paperplane.application;

    // the writer exposes the write ports, which only bootstrap may see; bootstrap hands readers to the observer
    exports dev.paperplane.adapters.persistence to dev.paperplane.bootstrap;
}
