package dev.paperplane.bootstrap.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the store is, as configured ({@code --store}, {@code PAPERPLANE_STORE} or the file), and the file holding
 * its password; either may be absent. Only named here: the store is opened, and the password file read, by the
 * command.
 *
 * @param locator      {@code paperplane.store}, if set anywhere
 * @param passwordFile {@code paperplane.store-password-file}, if set anywhere
 */
public record StoreConfig(Optional<Configured> locator, Optional<Configured> passwordFile) {
    public StoreConfig {
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(passwordFile, "passwordFile");
    }

    /** No store configured. */
    public static StoreConfig none() {
        return new StoreConfig(Optional.empty(), Optional.empty());
    }

    /** A configuration layer, lowest precedence first. */
    public enum Layer {
        /** The bundled default. */
        BUNDLED,
        /** The {@code --config} file. */
        FILE,
        /** A {@code PAPERPLANE_…} environment variable. */
        ENVIRONMENT,
        /** A command-line flag. */
        FLAG
    }

    /**
     * One configured value.
     *
     * @param key    the key, for messages
     * @param value  the value, stripped, never empty
     * @param origin where it came from, for messages: {@code flag --store}, a variable, or a file and line
     * @param layer  the layer it came from
     */
    public record Configured(ConfigKey key, String value, String origin, Layer layer) {
        public Configured {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(layer, "layer");
        }

        /** How messages name it: the flag when it is one, else the key and its origin. */
        public String describe() {
            return layer == Layer.FLAG ? "--" + key.flag().orElseThrow() : "key '" + key.key() + "' (" + origin + ")";
        }
    }
}
