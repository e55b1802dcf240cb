package dev.paperplane.bootstrap.store;

import dev.paperplane.adapters.persistence.postgres.PostgresLocator;
import java.io.Serial;
import java.nio.file.Path;

/**
 * Where a store is, as the user wrote it ({@code --store}, {@code --data}, {@code --from}, {@code --to},
 * {@code paperplane.store}): a data directory or a PostgreSQL schema, never a password. {@link #parse} is the one
 * parser of that text; turning a locator into a store to open is {@link StoreTarget}'s.
 */
public sealed interface StoreLocator {

    /** The forms a locator takes, for messages that say how to write one. */
    String FORMS = "DIR, file:DIR or postgresql://user@host:port/database?schema=name";

    /**
     * A data directory: {@code DIR} or {@code file:DIR}.
     *
     * @param dir the directory
     */
    record Directory(Path dir) implements StoreLocator {
    }

    /**
     * One schema of one PostgreSQL database.
     *
     * @param locator the server, database, schema and user
     */
    record Postgres(PostgresLocator locator) implements StoreLocator {
    }

    /**
     * The store {@code text} names: a {@code postgresql://} or {@code postgres://} locator, else a directory,
     * plain or after {@code file:}.
     *
     * @throws Invalid when it is a malformed PostgreSQL locator (or carries a password), or names no store at all
     */
    static StoreLocator parse(String text) {
        if (PostgresLocator.isLocator(text)) {
            try {
                return new Postgres(PostgresLocator.parse(text));
            } catch (IllegalArgumentException e) {
                throw new Invalid(e.getMessage(), true);
            }
        }
        String dir = text.startsWith("file:") ? text.substring("file:".length()) : text;
        if (dir.isEmpty() || dir.contains("://")) {
            throw new Invalid("'" + text + "' names no store", false);
        }
        return new Directory(Path.of(dir));
    }

    /** A text that is no locator; its message says why (and may hold the text as written, password and all). */
    final class Invalid extends IllegalArgumentException {
        @Serial
        private static final long serialVersionUID = 1L;

        private final boolean postgres;

        Invalid(String message, boolean postgres) {
            super(message);
            this.postgres = postgres;
        }

        /** True for a PostgreSQL locator that does not parse; false for a text that names no store at all. */
        public boolean postgres() {
            return postgres;
        }

        /** The message of a command-line option {@code option} of {@code command} that holds this text. */
        public String asOption(String command, String option) {
            return postgres ? command + ": " + option + ": " + getMessage()
                    : command + ": " + option + " " + getMessage() + ": write " + FORMS;
        }
    }
}
