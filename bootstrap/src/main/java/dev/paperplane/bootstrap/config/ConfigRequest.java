package dev.paperplane.bootstrap.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The inputs of one configuration, lowest precedence first: a YAML file (else the bundled default), the
 * environment, then command-line flags.
 *
 * @param file        the {@code --config} file, if given
 * @param environment the process environment (only {@code PAPERPLANE_…} variables are read)
 * @param flags       configuration flags given on the command line, by key
 */
public record ConfigRequest(Optional<Path> file, Map<String, String> environment, SortedMap<ConfigKey, String> flags) {
    public ConfigRequest {
        Objects.requireNonNull(file, "file");
        environment = Map.copyOf(environment);
        flags = new TreeMap<>(flags);
    }

    /** Only the bundled default: no file, no environment, no flags. */
    public static ConfigRequest defaults() {
        return new ConfigRequest(Optional.empty(), Map.of(), new TreeMap<>());
    }
}
