package dev.paperplane.bootstrap.store;

import dev.paperplane.adapters.persistence.postgres.PostgresLocator;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The store options every command naming a store shares: {@code --store DIR|file:DIR|postgresql://…}, its
 * directory form {@code --data DIR}, and {@code --store-password-file FILE}. Passwords never come from the
 * command line: see {@link PostgresPassword}.
 */
public final class StoreOption {
    /** Warnings about password files are log events of this logger. */
    private static final System.Logger LOG = System.getLogger("paperplane.store");
    /** The option names: {@code data}, {@code store}, {@code store-password-file}. */
    public static final Set<String> NAMES = Set.of("data", "store", "store-password-file");

    /** Help lines describing the options, to paste into a command's usage text. */
    public static final String HELP = String.join("\n",
            "  --store STORE            the store: a data directory, DIR or file:DIR, or a PostgreSQL",
            "                           schema, postgresql://user@host:port/database?schema=name",
            "  --data DIR               the same as --store DIR",
            "  --store-password-file F  file holding the PostgreSQL password (else PGPASSWORD or",
            "                           ~/.pgpass; never on the command line)");

    private static final String FORMS = "write DIR, file:DIR or postgresql://user@host:port/database?schema=name";

    private StoreOption() {
    }

    /** {@link #NAMES} and the command's {@code others}: what {@link Options#parse} accepts. */
    public static Set<String> with(String... others) {
        Set<String> names = new TreeSet<>(NAMES);
        names.addAll(Set.of(others));
        return names;
    }

    /**
     * The store {@code options} name for {@code command}; warnings about password files are logged.
     *
     * @throws UserError a usage error when neither or both of {@code --store} and {@code --data} are given, or
     *                   the locator is malformed or holds a password
     */
    public static Store store(Options options, String command) {
        return store(options, command, PostgresPassword.Sources.current());
    }

    static Store store(Options options, String command, PostgresPassword.Sources sources) {
        Optional<String> store = options.get("store");
        Optional<String> data = options.get("data");
        if (store.isPresent() && data.isPresent()) {
            throw UserError.usage(command + ": give --store or --data, not both (--data DIR is the same as "
                    + "--store DIR)");
        }
        if (store.isEmpty() && data.isEmpty()) {
            throw UserError.usage(command + ": option --store is required (or --data DIR); " + FORMS);
        }
        Optional<Path> passwordFile = options.get("store-password-file").map(Path::of);
        if (data.isPresent()) {
            if (passwordFile.isPresent()) {
                throw UserError.usage(command + ": --store-password-file is for a PostgreSQL store; --data names "
                        + "a data directory");
            }
            return new Store.Directory(Path.of(data.get()));
        }
        return parse(command, "--store", store.get(), passwordFile, "--store-password-file", sources);
    }

    /**
     * The store {@code text} names, as the value of {@code option}; a PostgreSQL store gets its password from
     * {@code passwordFile} (the value of {@code passwordOption}) or the environment.
     */
    public static Store parse(String command, String option, String text, Optional<Path> passwordFile,
                              String passwordOption) {
        return parse(command, option, text, passwordFile, passwordOption, PostgresPassword.Sources.current());
    }

    static Store parse(String command, String option, String text, Optional<Path> passwordFile, String passwordOption,
                       PostgresPassword.Sources sources) {
        if (PostgresLocator.isLocator(text)) {
            PostgresLocator locator;
            try {
                locator = PostgresLocator.parse(text);
            } catch (IllegalArgumentException e) {
                throw UserError.usage(command + ": " + option + ": " + e.getMessage());
            }
            String password = PostgresPassword.resolve(locator, passwordFile, sources,
                    warning -> LOG.log(System.Logger.Level.WARNING, warning));
            // none is handed over as an empty password: given none at all, the driver would read ~/.pgpass on
            // its own, without the permission check, and use a password paperplane decided to ignore
            return new Store.Postgres(locator.target(password == null ? "" : password));
        }
        if (passwordFile.isPresent()) {
            throw UserError.usage(command + ": " + passwordOption + " is for a PostgreSQL store; " + option + " "
                    + text + " names a data directory");
        }
        String dir = text.startsWith("file:") ? text.substring("file:".length()) : text;
        if (dir.isEmpty() || dir.contains("://")) {
            throw UserError.usage(command + ": " + option + " '" + text + "' names no store: " + FORMS);
        }
        return new Store.Directory(Path.of(dir));
    }
}
