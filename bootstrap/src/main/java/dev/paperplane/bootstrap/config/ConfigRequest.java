package dev.paperplane.bootstrap.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The inputs of one configuration, one per {@link Layer} above the bundled default: a YAML file, the environment
 * and command-line flags.
 *
 * @param command     the command that reads it, for usage errors about its flags
 * @param file        the {@code --config} file, if given
 * @param environment the process environment (only {@code PAPERPLANE_…} variables are read)
 * @param flags       configuration flags given on the command line, by key
 */
public record ConfigRequest(String command, Optional<Path> file, Map<String, String> environment,
                            SortedMap<ConfigKey, Flag> flags) {
    public ConfigRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(file, "file");
        environment = Map.copyOf(environment);
        flags = new TreeMap<>(flags);
    }

    /** Only the bundled default: no file, no environment, no flags. */
    public static ConfigRequest defaults() {
        return new ConfigRequest("paperplane", Optional.empty(), Map.of(), new TreeMap<>());
    }

    /**
     * One flag's value.
     *
     * @param name  the flag as typed, without {@code --}: the key's own flag, or {@code data} for {@code paperplane.store}
     * @param value its value
     */
    public record Flag(String name, String value) {
        private static final String ORIGIN = "flag --";

        public Flag {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        /** How messages say a value came from the flag {@code --name}: {@code flag --name}. */
        public static String origin(String name) {
            return ORIGIN + name;
        }

        /** The flag an {@link #origin} names. */
        static String named(String origin) {
            return "--" + origin.substring(ORIGIN.length());
        }

        /** {@code value} given with the key's own flag. */
        public static Flag of(ConfigKey key, String value) {
            return new Flag(key.flag().orElseThrow(), value);
        }
    }
}
