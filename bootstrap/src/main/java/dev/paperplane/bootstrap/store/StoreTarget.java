package dev.paperplane.bootstrap.store;

import dev.paperplane.adapters.persistence.postgres.PostgresLocator;
import dev.paperplane.adapters.persistence.postgres.PostgresTarget;
import dev.paperplane.bootstrap.cli.UserError;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A store ready to open: a {@link StoreLocator} with, for PostgreSQL, the password resolved the way libpq does
 * ({@link PostgresPassword}). {@link StoreOpener} opens it.
 */
public sealed interface StoreTarget {

    /** How messages name the store: the directory's absolute path, or the locator (never a password). */
    String describe();

    /** Whether {@code other} is this same store (the same directory, or the same database and schema). */
    boolean sameAs(StoreTarget other);

    /**
     * The file store in a data directory.
     *
     * @param dir the data directory
     */
    record Directory(Path dir) implements StoreTarget {

        @Override
        public String describe() {
            return dir.toAbsolutePath().normalize().toString();
        }

        @Override
        public boolean sameAs(StoreTarget other) {
            return other instanceof Directory d && d.describe().equals(describe());
        }
    }

    /**
     * The PostgreSQL store in one schema of one database.
     *
     * @param target the server, database, schema, user and resolved password
     */
    record Postgres(PostgresTarget target) implements StoreTarget {

        @Override
        public String describe() {
            return target.location();
        }

        @Override
        public boolean sameAs(StoreTarget other) {
            return other instanceof Postgres p && p.target.jdbcUrl().equals(target.jdbcUrl())
                    && p.target.schema().equals(target.schema());
        }

        /** The location only: the record's generated form would be the target's, which never shows the password. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * The store {@code locator} names, for {@code command}; a PostgreSQL store gets its password from
     * {@code passwordFile}, else {@code PGPASSWORD}, else the pgpass file, found in {@code environment} (warnings
     * about password files are log events of {@code paperplane.store}).
     *
     * @param named         how messages name the locator, e.g. {@code --store DIR} or a key with its origin
     * @param passwordNamed how messages name the password file, e.g. {@code --store-password-file}
     * @throws UserError a usage error when a password file is given for a data directory, or the named password
     *                   file cannot be used
     */
    static StoreTarget resolve(String command, StoreLocator locator, String named, Optional<Path> passwordFile,
                               String passwordNamed, Map<String, String> environment) {
        return switch (locator) {
            case StoreLocator.Directory d -> {
                if (passwordFile.isPresent()) {
                    throw UserError.usage(command + ": " + passwordNamed + " is for a PostgreSQL store; " + named
                            + " names a data directory");
                }
                yield new Directory(d.dir());
            }
            case StoreLocator.Postgres p -> {
                PostgresLocator at = p.locator();
                String password = PostgresPassword.resolve(at, passwordFile, PostgresPassword.Sources.of(environment),
                        warning -> System.getLogger("paperplane.store").log(System.Logger.Level.WARNING, warning));
                // none is handed over as an empty password: given none at all, the driver would read ~/.pgpass on
                // its own, without the permission check, and use a password paperplane decided to ignore
                yield new Postgres(at.target(password == null ? "" : password));
            }
        };
    }

    /**
     * The store a command-line option of {@code command} names, e.g. {@code copy --from}: a malformed locator is a
     * usage error naming the option.
     */
    static StoreTarget ofOption(String command, String option, String text, Optional<Path> passwordFile,
                                String passwordOption, Map<String, String> environment) {
        StoreLocator locator;
        try {
            locator = StoreLocator.parse(text);
        } catch (StoreLocator.Invalid e) {
            throw UserError.usage(e.asOption(command, option));
        }
        return resolve(command, locator, option + " " + text, passwordFile, passwordOption, environment);
    }
}
