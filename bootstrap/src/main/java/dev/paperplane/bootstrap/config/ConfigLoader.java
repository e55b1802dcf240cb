package dev.paperplane.bootstrap.config;

import dev.paperplane.bootstrap.cli.UserError;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads paperplane's YAML configuration through Helidon Config and turns it into a {@link PaperplaneConfig}. Unknown
 * keys and bad values stop the start with a message naming the key, the source and what is allowed.
 */
public final class ConfigLoader {
    /** The bundled default, used when no configuration file is given. */
    public static final String DEFAULT_RESOURCE = "default.yaml";

    private static final List<Pattern> KNOWN_KEYS = List.of(
            "paperplane\\.environment", "paperplane\\.execution-plane", "paperplane\\.initial-cash",
            "paperplane\\.fees\\.(slippage-bps|fee-bps)",
            "paperplane\\.risk\\.(max-position|max-order-notional|max-short)",
            "paperplane\\.strategies\\.\\d+\\.(id|kind|version)",
            "paperplane\\.strategies\\.\\d+\\.params\\.[A-Za-z0-9_-]+",
            "paperplane\\.snapshot-every", "paperplane\\.segment-bytes").stream().map(Pattern::compile).toList();

    private ConfigLoader() {
    }

    /** The bundled default configuration. */
    public static PaperplaneConfig defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + DEFAULT_RESOURCE + " is missing from the build");
            }
            return load(in.readAllBytes(), "the bundled default configuration");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration in a YAML file. */
    public static PaperplaneConfig load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError("cannot read the configuration file " + file + ": " + e.getMessage());
        }
        return load(bytes, file.toString());
    }

    /** The configuration in YAML {@code bytes}; {@code source} names them in messages. */
    public static PaperplaneConfig load(byte[] bytes, String source) {
        Config config;
        try {
            config = Config.builder()
                    .disableEnvironmentVariablesSource()
                    .disableSystemPropertiesSource()
                    .addSource(ConfigSources.create(new java.io.ByteArrayInputStream(bytes), MediaTypes.APPLICATION_X_YAML))
                    .build();
            rejectUnknownKeys(config, source);
            return read(config, source);
        } catch (ConfigException e) {
            throw new UserError("configuration " + source + " cannot be read: " + e.getMessage());
        }
    }

    private static void rejectUnknownKeys(Config config, String source) {
        config.traverse().filter(Config::isLeaf).forEach(node -> {
            String key = node.key().toString();
            if (KNOWN_KEYS.stream().noneMatch(p -> p.matcher(key).matches())) {
                throw new UserError("configuration " + source + ": unknown key '" + key
                        + "'; the keys paperplane reads are listed in docs/configuration.md");
            }
        });
    }

    private static PaperplaneConfig read(Config root, String source) {
        Config c = root.get("paperplane");
        ExecutionPlane plane;
        try {
            plane = ExecutionPlane.parse(text(c, "execution-plane", source));
        } catch (IllegalArgumentException e) {
            throw new UserError("configuration " + source + ", key 'paperplane.execution-plane': " + e.getMessage());
        }
        List<StrategySpec> strategies = new ArrayList<>();
        Config list = c.get("strategies");
        if (!list.exists()) {
            throw missing("paperplane.strategies", source);
        }
        for (Config s : list.asNodeList().get()) {
            SortedMap<String, String> params = new TreeMap<>();
            Config p = s.get("params");
            if (p.exists()) {
                for (Config param : p.asNodeList().get()) {
                    params.put(param.name(), param.asString().get());
                }
            }
            try {
                StrategySpec spec = new StrategySpec(text(s, "id", source), text(s, "kind", source),
                        (int) whole(s, "version", source), params);
                Strategies.create(spec);
                strategies.add(spec);
            } catch (IllegalArgumentException e) {
                throw new UserError("configuration " + source + ", key '" + s.key() + "': " + e.getMessage());
            }
        }
        try {
            RuntimeConfig runtime = new RuntimeConfig(text(c, "environment", source), plane,
                    decimal(c, "initial-cash", source),
                    new FeeModel((int) whole(c.get("fees"), "slippage-bps", source), (int) whole(c.get("fees"), "fee-bps", source)),
                    new RiskLimits(decimal(c.get("risk"), "max-position", source),
                            decimal(c.get("risk"), "max-order-notional", source),
                            decimal(c.get("risk"), "max-short", source)),
                    strategies);
            long snapshotEvery = whole(c, "snapshot-every", source);
            long segmentBytes = whole(c, "segment-bytes", source);
            if (snapshotEvery < 1) {
                throw new UserError("configuration " + source + ", key 'paperplane.snapshot-every': must be at least 1");
            }
            if (segmentBytes < 4096) {
                throw new UserError("configuration " + source + ", key 'paperplane.segment-bytes': must be at least 4096");
            }
            return new PaperplaneConfig(runtime, snapshotEvery, segmentBytes, source);
        } catch (IllegalArgumentException e) {
            throw new UserError("configuration " + source + ": " + e.getMessage());
        }
    }

    private static String text(Config parent, String key, String source) {
        Config node = parent.get(key);
        if (!node.exists()) {
            throw missing(node.key().toString(), source);
        }
        return node.asString().get();
    }

    private static long whole(Config parent, String key, String source) {
        String text = text(parent, key, source);
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UserError("configuration " + source + ", key '" + parent.get(key).key() + "': '" + text
                    + "' is not a whole number");
        }
    }

    private static BigDecimal decimal(Config parent, String key, String source) {
        String text = text(parent, key, source);
        try {
            return Decimals.parse(text.trim());
        } catch (NumberFormatException e) {
            throw new UserError("configuration " + source + ", key '" + parent.get(key).key() + "': '" + text
                    + "' is not a plain decimal number");
        }
    }

    private static UserError missing(String key, String source) {
        return new UserError("configuration " + source + ": key '" + key + "' is missing");
    }
}
