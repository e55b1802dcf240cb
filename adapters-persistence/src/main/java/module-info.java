/** The embedded default store: hash-chained JSON Lines segments and atomic snapshot files. */
module dev.paperplane.adapters.persistence {
    requires transitive dev.paperplane.application;

}
