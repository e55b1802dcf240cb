/** The PostgreSQL store: the audit log and snapshots in append-only tables, behind the same ports as the files. */
module dev.paperplane.adapters.persistence.postgres {
    requires transitive dev.paperplane.application;
    requires java.sql;
    requires org.postgresql.jdbc;

    // the writer exposes the write ports, which only bootstrap may see; bootstrap hands readers to the observer
    exports dev.paperplane.adapters.persistence.postgres to dev.paperplane.bootstrap;
}
