package dev.paperplane.bootstrap.config;

import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.store.StoreLocator;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the store is, as configured ({@code --store}/{@code --data}, {@code PAPERPLANE_STORE} or the file), and the
 * file holding its password; either may be absent. The locator is parsed when the configuration is read; the
 * password file is only named here and read by {@link #target}.
 *
 * @param locator      {@code paperplane.store}, if set anywhere
 * @param passwordFile {@code paperplane.store-password-file}, if set anywhere
 */
public record StoreSettings(Optional<Configured<StoreLocator>> locator, Optional<Configured<Path>> passwordFile) {
    public StoreSettings {
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(passwordFile, "passwordFile");
    }

    /** No store configured. */
    public static StoreSettings none() {
        return new StoreSettings(Optional.empty(), Optional.empty());
    }

    /**
     * The store {@code command} opens, with a PostgreSQL store's password found through {@code environment}. A
     * password file configured below the layer that named a data directory (e.g. in the file, under
     * {@code --data DIR}) belongs to a PostgreSQL store that is not used, and is ignored.
     *
     * @throws UserError a usage error when no store is named anywhere, or a password file is given for a data
     *                   directory at or above the directory's layer
     */
    public StoreTarget target(String command, Map<String, String> environment) {
        Configured<StoreLocator> store = locator.orElseThrow(() -> UserError.usage(command + ": no store given: name"
                + " it with --store STORE (or --data DIR), with the environment variable PAPERPLANE_STORE, or with"
                + " the key paperplane.store in the --config file; write " + StoreLocator.FORMS));
        Optional<Configured<Path>> password = passwordFile.filter(p -> store.value() instanceof StoreLocator.Postgres
                || p.layer().compareTo(store.layer()) >= 0);
        // --data can only name a directory: its message does not repeat the directory
        String named = store.givenWith(ConfigOptions.DATA) ? store.describe()
                : store.describe() + " " + store.text();
        return StoreTarget.resolve(command, store.value(), named, password.map(Configured::value),
                password.map(Configured::describe).orElse("--store-password-file"), environment);
    }

    /**
     * One configured value.
     *
     * @param key    the key, for messages
     * @param text   the value as written, stripped; empty only when given so with a flag
     * @param value  the value, parsed
     * @param origin where it came from, for messages: {@code flag --store}, a variable, or a file and line
     * @param layer  the layer it came from
     * @param <T>    the parsed value's type
     */
    public record Configured<T>(ConfigKey key, String text, T value, String origin, Layer layer) {
        public Configured {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(layer, "layer");
        }

        /** How messages name it: the flag when it is one, else the key and its origin. */
        public String describe() {
            return layer == Layer.FLAG ? ConfigRequest.Flag.named(origin) : "key '" + key.key() + "' (" + origin + ")";
        }

        /** Whether it was given with the flag {@code --flag}. */
        public boolean givenWith(String flag) {
            return layer == Layer.FLAG && origin.equals(ConfigRequest.Flag.origin(flag));
        }
    }
}
