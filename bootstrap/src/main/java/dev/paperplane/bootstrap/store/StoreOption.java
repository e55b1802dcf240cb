package dev.paperplane.bootstrap.store;

import dev.paperplane.adapters.persistence.postgres.PostgresLocator;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.config.ConfigKey;
import dev.paperplane.bootstrap.config.StoreConfig;
import dev.paperplane.bootstrap.config.StoreConfig.Configured;
import dev.paperplane.bootstrap.config.StoreConfig.Layer;
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
            "                           (else PAPERPLANE_STORE, else paperplane.store in the --config file)",
            "  --data DIR               the same as --store DIR",
            "  --store-password-file F  file holding the PostgreSQL password (else",
            "                           PAPERPLANE_STORE_PASSWORD_FILE, paperplane.store-password-file,",
            "                           PGPASSWORD or ~/.pgpass; never on the command line)");

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
     * The store {@code command} opens: {@code --data DIR} or {@code --store STORE} from {@code options}, else the
     * store {@code configured} ({@code PAPERPLANE_STORE}, the configuration file); the password file likewise.
     * Warnings about password files are logged. A password file configured below the layer that named a
     * data directory (e.g. in the file, under {@code --data DIR}) belongs to a PostgreSQL store that is not used,
     * and is ignored.
     *
     * @throws UserError a usage error when no store is named anywhere, both {@code --store} and {@code --data} are
     *                   given, the locator is malformed or holds a password, or a password file is given for a
     *                   data directory
     */
    public static Store store(Options options, StoreConfig configured, String command) {
        return store(options, configured, command, PostgresPassword.Sources.current());
    }

    static Store store(Options options, StoreConfig configured, String command, PostgresPassword.Sources sources) {
        Optional<String> data = options.get("data");
        if (options.get("store").isPresent() && data.isPresent()) {
            throw UserError.usage(command + ": give --store or --data, not both (--data DIR is the same as "
                    + "--store DIR)");
        }
        Optional<Configured> locator = flag(options, ConfigKey.STORE).or(configured::locator);
        Optional<Configured> passwordFile = flag(options, ConfigKey.STORE_PASSWORD_FILE).or(configured::passwordFile);
        if (data.isPresent()) {
            if (passwordFile.filter(p -> p.layer() == Layer.FLAG).isPresent()) {
                throw UserError.usage(command + ": --store-password-file is for a PostgreSQL store; --data names "
                        + "a data directory");
            }
            return new Store.Directory(Path.of(data.get()));
        }
        if (locator.isEmpty()) {
            throw UserError.usage(command + ": no store given: name it with --store STORE (or --data DIR), with the "
                    + "environment variable PAPERPLANE_STORE, or with the key paperplane.store in the --config file; "
                    + FORMS);
        }
        Configured store = locator.get();
        if (!PostgresLocator.isLocator(store.value()) && passwordFile.isPresent()
                && passwordFile.get().layer().compareTo(store.layer()) < 0) {
            passwordFile = Optional.empty();
        }
        return parse(command, store.describe(), store.value(), passwordFile.map(p -> Path.of(p.value())),
                passwordFile.map(Configured::describe).orElse("--store-password-file"), sources);
    }

    private static Optional<Configured> flag(Options options, ConfigKey key) {
        String flag = key.flag().orElseThrow();
        return options.get(flag).map(value -> new Configured(key, value, "flag --" + flag, Layer.FLAG));
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
