package dev.paperplane.bootstrap.config;

import dev.paperplane.adapters.persistence.postgres.PostgresLocator;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.config.StoreConfig.Layer;
import dev.paperplane.bootstrap.config.PaperplaneConfig.Setting;
import dev.paperplane.application.tlog.NoteKeys;
import dev.paperplane.domain.execution.ExecutionPlane;
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.risk.RiskLimits;
import dev.paperplane.domain.runtime.RuntimeConfig;
import dev.paperplane.domain.strategy.Strategies;
import dev.paperplane.domain.strategy.StrategySpec;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigSources;
import io.helidon.config.yaml.YamlConfigParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads paperplane's configuration through Helidon Config from, lowest precedence first, the bundled default, a YAML
 * file, {@code PAPERPLANE_…} environment variables and command-line flags. An unknown key or a bad value stops the
 * start with a message naming the key, where it came from (file and line, variable or flag) and what is allowed.
 */
public final class ConfigLoader {
    /** The bundled default, the lowest layer; its values are the documented defaults. */
    public static final String DEFAULT_RESOURCE = "default.yaml";

    /** Environment variables with this prefix belong to the test suite, not to the configuration. */
    public static final String TEST_ENV_PREFIX = "PAPERPLANE_TEST_";

    private static final String BUNDLED = "the bundled default";

    private ConfigLoader() {
    }

    /** The bundled default configuration alone. */
    public static PaperplaneConfig defaults() {
        return load(ConfigRequest.defaults());
    }

    /** The configuration in a YAML file over the bundled default, without environment or flags. */
    public static PaperplaneConfig load(Path file) {
        return load(new ConfigRequest(Optional.of(file), Map.of(), new TreeMap<>()));
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
        Map<String, String> defaults = leaves(parse(defaultYaml(), BUNDLED));
        String fileText = request.file().map(ConfigLoader::read).orElse("");
        String fileName = request.file().map(Path::toString).orElse(BUNDLED);
        Map<String, String> file = request.file().isPresent() ? leaves(parse(fileText, fileName)) : Map.of();
        file.keySet().forEach(key -> {
            if (ConfigKey.of(key).isEmpty()) {
                throw new UserError("configuration " + where(fileName, fileText, key) + ": unknown key '" + key
                        + "'; the keys paperplane reads are listed in docs/configuration.md (`" + "paperplane config show`"
                        + " prints them with their values)");
            }
        });
        if (file.keySet().stream().anyMatch(ConfigKey.STRATEGIES::isPrefixOf)) {
            defaults.keySet().removeIf(ConfigKey.STRATEGIES::isPrefixOf);
        }
        Map<String, String> environment = new TreeMap<>();
        Map<String, String> envOrigin = new TreeMap<>();
        new TreeMap<>(request.environment()).forEach((name, value) -> {
            if (!name.startsWith(ConfigKey.ENV_PREFIX) || name.startsWith(TEST_ENV_PREFIX)) {
                return;
            }
            ConfigKey key = ConfigKey.ofEnvironmentVariable(name).orElseThrow(() -> new UserError(
                    "configuration: the environment variable " + name + " is not a paperplane setting; the variables"
                            + " paperplane reads are listed in docs/configuration.md (unset it, or fix its name)"));
            environment.put(key.key(), value);
            envOrigin.put(key.key(), "environment variable " + name);
        });
        Map<String, String> flags = new TreeMap<>();
        request.flags().forEach((key, value) -> flags.put(key.key(), value));

        Config merged;
        try {
            merged = builder()
                    .addSource(ConfigSources.create(flags))
                    .addSource(ConfigSources.create(environment))
                    .addSource(ConfigSources.create(file))
                    .addSource(ConfigSources.create(defaults))
                    .build();
        } catch (ConfigException e) {
            throw new UserError("configuration " + fileName + " cannot be read: " + e.getMessage());
        }
        Origins origins = new Origins() {
            @Override
            public String of(String key) {
                return switch (layer(key)) {
                    case FLAG -> "flag --" + ConfigKey.of(key).flatMap(ConfigKey::flag).orElse(key);
                    case ENVIRONMENT -> envOrigin.get(key);
                    case FILE -> where(fileName, fileText, key);
                    case BUNDLED -> BUNDLED;
                };
            }

            @Override
            public Layer layer(String key) {
                if (flags.containsKey(key)) {
                    return Layer.FLAG;
                }
                if (envOrigin.containsKey(key)) {
                    return Layer.ENVIRONMENT;
                }
                if (file.containsKey(key) || file.keySet().stream().anyMatch(k -> k.startsWith(key + "."))) {
                    return Layer.FILE;
                }
                return Layer.BUNDLED;
            }
        };
        return new Reader(merged, origins, fileName).read();
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

    private static String where(String fileName, String text, String key) {
        OptionalInt line = YamlLines.lineOf(text, key);
        return line.isPresent() ? fileName + " line " + line.getAsInt() : fileName;
    }

    /** Where a concrete key's effective value came from. */
    private interface Origins {
        /** The origin for messages: the flag, the variable, the file and line, or the bundled default. */
        String of(String key);

        /** The layer the value came from. */
        Layer layer(String key);
    }

    /** Turns the merged tree into typed values, recording each value's origin. */
    private static final class Reader {
        private final Config root;
        private final Origins origins;
        private final String source;
        private final Map<String, Setting> settings = new LinkedHashMap<>();

        Reader(Config root, Origins origins, String source) {
            this.root = root;
            this.origins = origins;
            this.source = source;
        }

        PaperplaneConfig read() {
            root.traverse().filter(Config::isLeaf).forEach(n -> {
                String key = n.key().toString();
                if (ConfigKey.of(key).isEmpty()) {
                    throw new UserError("configuration: unknown key '" + key + "' (" + origins.of(key)
                            + "); the keys paperplane reads are listed in docs/configuration.md");
                }
            });
            String environment = text(ConfigKey.ENVIRONMENT);
            ExecutionPlane plane;
            try {
                plane = ExecutionPlane.parse(text(ConfigKey.EXECUTION_PLANE));
            } catch (IllegalArgumentException e) {
                throw bad(ConfigKey.EXECUTION_PLANE.key(), e.getMessage(), ConfigKey.EXECUTION_PLANE.allowed());
            }
            BigDecimal initialCash = decimal(ConfigKey.INITIAL_CASH);
            FeeModel fees = new FeeModel((int) whole(ConfigKey.SLIPPAGE_BPS), (int) whole(ConfigKey.FEE_BPS));
            RiskLimits risk = new RiskLimits(decimal(ConfigKey.MAX_POSITION), decimal(ConfigKey.MAX_ORDER_NOTIONAL),
                    decimal(ConfigKey.MAX_SHORT));
            List<StrategySpec> strategies = strategies();
            RuntimeConfig runtime;
            try {
                runtime = new RuntimeConfig(environment, plane, initialCash, fees, risk, strategies);
            } catch (IllegalArgumentException e) {
                throw bad(ConfigKey.STRATEGIES.key(), e.getMessage(), ConfigKey.STRATEGIES.allowed());
            }
            long snapshotEvery = whole(ConfigKey.SNAPSHOT_EVERY);
            long segmentBytes = whole(ConfigKey.SEGMENT_BYTES);
            ObserverConfig observer = new ObserverConfig(text(ConfigKey.OBSERVER_HOST), (int) whole(ConfigKey.OBSERVER_PORT),
                    whole(ConfigKey.OBSERVER_MAX_RESPONSE_BYTES), path(ConfigKey.OBSERVER_TOKEN_FILE),
                    path(ConfigKey.OBSERVER_TLS_CERT), path(ConfigKey.OBSERVER_TLS_KEY),
                    path(ConfigKey.OBSERVER_SIGNING_KEY), name(ConfigKey.LOG_ORIGIN));
            StoreConfig store = new StoreConfig(locator(), optional(ConfigKey.STORE_PASSWORD_FILE));
            List<Setting> ordered = new ArrayList<>(settings.values());
            ordered.sort(Comparator.comparing((Setting s) -> ConfigKey.STRATEGIES.isPrefixOf(s.key())
                            ? ConfigKey.STRATEGIES.ordinal() : ConfigKey.of(s.key()).orElseThrow().ordinal())
                    .thenComparing(s -> strategyIndex(s.key()))
                    .thenComparing(s -> ConfigKey.of(s.key()).orElseThrow().ordinal())
                    .thenComparing(Setting::key));
            return new PaperplaneConfig(runtime, snapshotEvery, segmentBytes, observer, store, source, ordered);
        }

        private List<StrategySpec> strategies() {
            Config list = root.get(ConfigKey.STRATEGIES.key());
            List<StrategySpec> specs = new ArrayList<>();
            if (!list.exists()) {
                return specs;
            }
            for (Config s : list.asNodeList().orElse(List.of())) {
                String base = s.key().toString();
                SortedMap<String, String> params = new TreeMap<>();
                for (Config param : s.get("params").asNodeList().orElse(List.of())) {
                    params.put(param.name(), text(param.key().toString()));
                }
                String id = text(base + ".id");
                String kind = text(base + ".kind");
                int version = (int) whole(base + ".version", ConfigKey.STRATEGY_VERSION);
                try {
                    StrategySpec spec = new StrategySpec(id, kind, version, params);
                    Strategies.create(spec);
                    specs.add(spec);
                } catch (IllegalArgumentException e) {
                    throw bad(base, e.getMessage(), "see Strategy kinds in docs/configuration.md");
                }
            }
            return specs;
        }

        private String value(String key) {
            Config node = root.get(key);
            if (!node.exists()) {
                throw new UserError("configuration " + source + ": key '" + key + "' is missing; allowed: "
                        + ConfigKey.of(key).map(ConfigKey::allowed).orElse("see docs/configuration.md"));
            }
            String value = node.asString().orElse("");
            settings.put(key, new Setting(key, value, origins.of(key)));
            return value;
        }

        private String text(ConfigKey key) {
            return text(key.key());
        }

        private String text(String key) {
            String value = value(key);
            if (value.isBlank()) {
                throw bad(key, "must not be empty", ConfigKey.of(key).map(ConfigKey::allowed).orElse("any text"));
            }
            return value;
        }

        private long whole(ConfigKey key) {
            return whole(key.key(), key);
        }

        private long whole(String key, ConfigKey kind) {
            String text = value(key).strip();
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw bad(key, "'" + text + "' is not a whole number", kind.allowed());
            }
            if (value < kind.type().min() || value > kind.type().max()) {
                throw bad(key, value + " is out of range", kind.allowed());
            }
            return value;
        }

        private BigDecimal decimal(ConfigKey key) {
            String text = value(key.key()).strip();
            BigDecimal value;
            try {
                value = Decimals.parse(text);
            } catch (NumberFormatException | ArithmeticException e) {
                throw bad(key.key(), "'" + text + "' is not a plain decimal number", key.allowed());
            }
            if (value.signum() < 0) {
                throw bad(key.key(), text + " is negative", key.allowed());
            }
            return value;
        }

        private Optional<String> name(ConfigKey key) {
            Config node = root.get(key.key());
            if (!node.exists()) {
                settings.put(key.key(), new Setting(key.key(), "", "not set"));
                return Optional.empty();
            }
            String value = value(key.key()).strip();
            if (!value.isEmpty() && !NoteKeys.isName(value)) {
                throw bad(key.key(), "'" + value + "' has a space or '+'", key.allowed());
            }
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        private Optional<Path> path(ConfigKey key) {
            Config node = root.get(key.key());
            if (!node.exists()) {
                settings.put(key.key(), new Setting(key.key(), "", "not set"));
                return Optional.empty();
            }
            String value = value(key.key()).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
        }

        /**
         * {@code paperplane.store}, checked as far as it can be without opening it: a PostgreSQL locator must parse
         * and must not carry a password (which is masked in the message), and no other scheme is taken.
         */
        private Optional<StoreConfig.Configured> locator() {
            Optional<StoreConfig.Configured> locator = optional(ConfigKey.STORE);
            if (locator.isEmpty() || locator.get().layer() == Layer.FLAG) {
                // a flag is checked where it is parsed, as a usage error of the command
                return locator;
            }
            String text = locator.get().value();
            String key = ConfigKey.STORE.key();
            if (PostgresLocator.isLocator(text)) {
                try {
                    PostgresLocator.parse(text);
                } catch (IllegalArgumentException e) {
                    String problem = ConfigShowCommand.show(e.getMessage());
                    if (problem.contains("carries a password")) {
                        problem += "; remove it from the locator and put it alone in a file named by "
                                + ConfigKey.STORE_PASSWORD_FILE.key() + " (chmod 600), or in PGPASSWORD or ~/.pgpass";
                    }
                    throw bad(key, problem, ConfigKey.STORE.allowed());
                }
            } else if (text.contains("://") || text.equals("file:")) {
                throw bad(key, "'" + ConfigShowCommand.show(text) + "' names no store", ConfigKey.STORE.allowed());
            }
            return locator;
        }

        /** An optional scalar: absent, or empty after stripping, is none. */
        private Optional<StoreConfig.Configured> optional(ConfigKey key) {
            if (!root.get(key.key()).exists()) {
                settings.put(key.key(), new Setting(key.key(), "", "not set"));
                return Optional.empty();
            }
            String value = value(key.key()).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(new StoreConfig.Configured(key, value,
                    origins.of(key.key()), origins.layer(key.key())));
        }

        private UserError bad(String key, String problem, String allowed) {
            return new UserError("configuration: key '" + key + "' (" + origins.of(key) + "): " + problem
                    + "; allowed: " + allowed.replace("`", ""));
        }

        private static int strategyIndex(String key) {
            String rest = key.startsWith(ConfigKey.STRATEGIES.key() + ".")
                    ? key.substring(ConfigKey.STRATEGIES.key().length() + 1) : "";
            int dot = rest.indexOf('.');
            try {
                return dot < 0 ? -1 : Integer.parseInt(rest.substring(0, dot));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
