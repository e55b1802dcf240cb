package dev.paperplane.bootstrap.store;

import dev.paperplane.adapters.persistence.postgres.PostgresTarget;
import java.nio.file.Path;

/** A store as the user named it, ready to open: a data directory, or a PostgreSQL schema with its password. */
public sealed interface Store {

    /** How messages name the store: the directory's absolute path, or the locator (never a password). */
    String describe();

    /** Whether {@code other} is this same store (the same directory, or the same database and schema). */
    boolean sameAs(Store other);

    /**
     * The file store in a data directory.
     *
     * @param dir the data directory
     */
    record Directory(Path dir) implements Store {

        @Override
        public String describe() {
            return dir.toAbsolutePath().normalize().toString();
        }

        @Override
        public boolean sameAs(Store other) {
            return other instanceof Directory d && d.describe().equals(describe());
        }
    }

    /**
     * The PostgreSQL store in one schema of one database.
     *
     * @param target the server, database, schema, user and resolved password
     */
    record Postgres(PostgresTarget target) implements Store {

        @Override
        public String describe() {
            return target.location();
        }

        @Override
        public boolean sameAs(Store other) {
            return other instanceof Postgres p && p.target.jdbcUrl().equals(target.jdbcUrl())
                    && p.target.schema().equals(target.schema());
        }

        /** The location only: the record's generated form would be the target's, which never shows the password. */
        @Override
        public String toString() {
            return describe();
        }
    }
}
