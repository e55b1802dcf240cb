package dev.paperplane.bootstrap.config;

import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.config.ConfigRequest.Flag;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigSources;
import io.helidon.config.yaml.YamlConfigParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Reads paperplane's configuration through one Helidon Config stacked from its {@link Layer}s: the bundled default,
 * a YAML file, {@code PAPERPLANE_…} environment variables and command-line flags. Each layer is read once into
 * dotted keys with an origin for each (file and line, variable or flag); an unknown key or a bad value stops the
 * start with a message naming the key, its origin and what is allowed.
 */
public final class ConfigLoader {
    /** The bundled default, the lowest layer; its values are the documented defaults. */
    public static final String DEFAULT_RESOURCE = "default.yaml";

    /** Environment variables with this prefix belong to the test suite, not to the configuration. */
    public static final String TEST_ENV_PREFIX = "PAPERPLANE_TEST_";

    private static final String BUNDLED = "the bundled default";

    private static final List<Layer> HIGHEST_FIRST = List.of(Layer.values()).reversed();

    private ConfigLoader() {
    }

    /**
     * One layer's values.
     *
     * @param values its values by dotted key
     * @param origin where the value of a key came from, for messages
     */
    private record Source(Map<String, String> values, UnaryOperator<String> origin) {

        /** Whether this layer sets {@code key}, or a key below it (a list item, say). */
        boolean holds(String key) {
            return values.containsKey(key) || values.keySet().stream().anyMatch(k -> k.startsWith(key + "."));
        }
    }

    /** The bundled default configuration alone. */
    public static PaperplaneConfig defaults() {
        return load(ConfigRequest.defaults());
    }

    /** The configuration in a YAML file over the bundled default, without environment or flags. */
    public static PaperplaneConfig load(Path file) {
        return load(new ConfigRequest("paperplane", Optional.of(file), Map.of(), new TreeMap<>()));
    }

    /** The bundled default YAML text. */
    public static String defaultYaml() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + DEFAULT_RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The effective configuration of {@code request}. */
    public static PaperplaneConfig load(ConfigRequest request) {
        String fileName = request.file().map(Path::toString).orElse(BUNDLED);
        Map<Layer, Source> layers = new EnumMap<>(Layer.class);
        layers.put(Layer.BUNDLED, yaml(defaultYaml(), BUNDLED));
        request.file().ifPresent(file -> layers.put(Layer.FILE, yaml(read(file), fileName)));
        layers.put(Layer.ENVIRONMENT, environment(request.environment()));
        layers.put(Layer.FLAG, flags(request.flags()));
        Source file = layers.getOrDefault(Layer.FILE, new Source(Map.of(), key -> fileName));
        file.values().keySet().forEach(key -> {
            if (ConfigKey.of(key).isEmpty()) {
                throw new UserError("configuration " + file.origin().apply(key) + ": unknown key '" + key
                        + "'; the keys paperplane reads are listed in docs/configuration.md (`" + "paperplane config show`"
                        + " prints them with their values)");
            }
        });
        // a list is replaced as a whole: a layer with strategies hides every strategy of the layers below it
        boolean strategiesAbove = false;
        for (Layer layer : HIGHEST_FIRST) {
            Source source = layers.get(layer);
            if (source == null) {
                continue;
            }
            if (strategiesAbove) {
                source.values().keySet().removeIf(ConfigKey.STRATEGIES::isPrefixOf);
            }
            strategiesAbove |= source.holds(ConfigKey.STRATEGIES.key());
        }

        Config.Builder merged = builder();
        for (Layer layer : HIGHEST_FIRST) {
            // Helidon lets the source added first win
            Optional.ofNullable(layers.get(layer)).ifPresent(s -> merged.addSource(ConfigSources.create(s.values())));
        }
        Config root;
        try {
            root = merged.build();
        } catch (ConfigException e) {
            throw new UserError("configuration " + fileName + " cannot be read: " + e.getMessage());
        }
        ConfigReader.Origins origins = new ConfigReader.Origins() {
            @Override
            public String of(String key) {
                return layers.get(layer(key)).origin().apply(key);
            }

            @Override
            public Layer layer(String key) {
                for (Layer layer : HIGHEST_FIRST) {
                    if (layers.containsKey(layer) && layers.get(layer).holds(key)) {
                        return layer;
                    }
                }
                return Layer.BUNDLED;
            }
        };
        return new ConfigReader(root, origins, fileName, request.command()).read();
    }

    /** A YAML text as a layer: parsed once by Helidon for the values, its keys' lines found once for origins. */
    private static Source yaml(String text, String name) {
        Map<String, String> values = leaves(parse(text, name));
        if (name.equals(BUNDLED)) {
            return new Source(values, key -> BUNDLED);
        }
        Map<String, Integer> lines = YamlLines.index(text);
        return new Source(values, key -> lines.containsKey(key) ? name + " line " + lines.get(key) : name);
    }

    private static Source environment(Map<String, String> variables) {
        Map<String, String> values = new TreeMap<>();
        Map<String, String> origins = new TreeMap<>();
        new TreeMap<>(variables).forEach((name, value) -> {
            if (!name.startsWith(ConfigKey.ENV_PREFIX) || name.startsWith(TEST_ENV_PREFIX)) {
                return;
            }
            ConfigKey key = ConfigKey.ofEnvironmentVariable(name).orElseThrow(() -> new UserError(
                    "configuration: the environment variable " + name + " is not a paperplane setting; the variables"
                            + " paperplane reads are listed in docs/configuration.md (unset it, or fix its name)"));
            values.put(key.key(), value);
            origins.put(key.key(), "environment variable " + name);
        });
        return new Source(values, origins::get);
    }

    private static Source flags(Map<ConfigKey, Flag> flags) {
        Map<String, String> values = new TreeMap<>();
        Map<String, String> origins = new TreeMap<>();
        flags.forEach((key, flag) -> {
            values.put(key.key(), flag.value());
            origins.put(key.key(), Flag.origin(flag.name()));
        });
        return new Source(values, origins::get);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read the configuration file " + file + " (" + e.getMessage()
                    + "); check the --config path");
        }
    }

    private static Config parse(String yaml, String name) {
        if (yaml.isBlank()) {
            return Config.empty();
        }
        try {
            return builder()
                    .addSource(ConfigSources.create(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                            MediaTypes.APPLICATION_X_YAML))
                    .build();
        } catch (ConfigException | IllegalStateException e) {
            throw new UserError("configuration " + name + " is not valid YAML: " + rootMessage(e));
        }
    }

    /**
     * A builder with exactly the sources given to it and the YAML parser: no system sources and no discovery of
     * parsers, filters or mappers through the service loader, which costs a cold start more than the parsing.
     */
    private static Config.Builder builder() {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .disableParserServices()
                .addParser(YamlConfigParser.create())
                .disableFilterServices()
                .disableMapperServices();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? e.getMessage() : t.getMessage().replace('\n', ' ');
    }

    private static Map<String, String> leaves(Config config) {
        Map<String, String> leaves = new TreeMap<>();
        config.traverse().filter(Config::isLeaf).forEach(n -> leaves.put(n.key().toString(), n.asString().orElse("")));
        return leaves;
    }
}
