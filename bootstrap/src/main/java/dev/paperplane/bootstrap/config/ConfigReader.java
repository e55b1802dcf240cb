package dev.paperplane.bootstrap.config;

import dev.paperplane.application.session.Grouping;
import dev.paperplane.application.tlog.NoteKeys;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.config.PaperplaneConfig.Setting;
import dev.paperplane.bootstrap.config.StoreSettings.Configured;
import dev.paperplane.bootstrap.store.StoreLocator;
import dev.paperplane.domain.execution.ExecutionPlane;
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.risk.RiskLimits;
import dev.paperplane.domain.session.RuntimeConfig;
import dev.paperplane.domain.strategy.Strategies;
import dev.paperplane.domain.strategy.StrategySpec;
import io.helidon.config.Config;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Turns the merged configuration tree into typed values, recording each value's origin. */
final class ConfigReader {
    private final Config root;
    private final Origins origins;
    private final String source;
    private final String command;
    private final Map<String, Setting> settings = new LinkedHashMap<>();

    /** Where a concrete key's effective value came from. */
    interface Origins {
        /** The origin for messages: the flag, the variable, the file and line, or the bundled default. */
        String of(String key);

        /** The layer the value came from. */
        Layer layer(String key);
    }

    /**
     * @param root    the merged tree
     * @param origins where each value came from
     * @param source  where the configuration came from, for messages
     * @param command the command reading it, for usage errors about its flags
     */
    ConfigReader(Config root, Origins origins, String source, String command) {
        this.root = root;
        this.origins = origins;
        this.source = source;
        this.command = command;
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
        Grouping durability = new Grouping(whole(ConfigKey.DURABILITY_GROUP_BARS),
                whole(ConfigKey.DURABILITY_GROUP_BYTES));
        ObserverConfig observer = new ObserverConfig(text(ConfigKey.OBSERVER_HOST), (int) whole(ConfigKey.OBSERVER_PORT),
                whole(ConfigKey.OBSERVER_MAX_RESPONSE_BYTES), path(ConfigKey.OBSERVER_TOKEN_FILE),
                path(ConfigKey.OBSERVER_TLS_CERT), path(ConfigKey.OBSERVER_TLS_KEY),
                (int) whole(ConfigKey.OBSERVER_MAX_CONNECTIONS), whole(ConfigKey.OBSERVER_IDLE_TIMEOUT),
                whole(ConfigKey.OBSERVER_HEADER_TIMEOUT), path(ConfigKey.OBSERVER_SIGNING_KEY),
                name(ConfigKey.LOG_ORIGIN));
        StoreSettings store = new StoreSettings(locator(), optional(ConfigKey.STORE_PASSWORD_FILE)
                .map(p -> parsed(p, Path.of(p.text()))));
        List<Setting> ordered = new ArrayList<>(settings.values());
        ordered.sort(Comparator.comparing((Setting s) -> ConfigKey.STRATEGIES.isPrefixOf(s.key())
                        ? ConfigKey.STRATEGIES.ordinal() : ConfigKey.of(s.key()).orElseThrow().ordinal())
                .thenComparing(s -> strategyIndex(s.key()))
                .thenComparing(s -> ConfigKey.of(s.key()).orElseThrow().ordinal())
                .thenComparing(Setting::key));
        return new PaperplaneConfig(runtime, snapshotEvery, segmentBytes, durability, observer, store, source,
                ordered);
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
     * {@code paperplane.store}, parsed in whichever layer set it: a bad locator in a flag is a usage error of the
     * command; in the file or a variable, a configuration error naming key and origin, a password in it masked.
     * {@code --data} names a directory whatever its text looks like.
     */
    private Optional<Configured<StoreLocator>> locator() {
        ConfigKey key = ConfigKey.STORE;
        Optional<Configured<String>> configured = optional(key);
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        Configured<String> store = configured.get();
        if (store.givenWith(ConfigOptions.DATA)) {
            return Optional.of(parsed(store, new StoreLocator.Directory(Path.of(store.text()))));
        }
        try {
            return Optional.of(parsed(store, StoreLocator.parse(store.text())));
        } catch (StoreLocator.Invalid e) {
            if (store.layer() == Layer.FLAG) {
                throw UserError.usage(e.asOption(command, store.describe()));
            }
            String problem = Setting.mask(e.getMessage());
            if (e.postgres() && problem.contains("carries a password")) {
                problem += "; remove it from the locator and put it alone in a file named by "
                        + ConfigKey.STORE_PASSWORD_FILE.key() + " (chmod 600), or in PGPASSWORD or ~/.pgpass";
            }
            throw bad(key.key(), problem, key.allowed());
        }
    }

    private static <T> Configured<T> parsed(Configured<String> configured, T value) {
        return new Configured<>(configured.key(), configured.text(), value, configured.origin(), configured.layer());
    }

    /** An optional scalar: absent, or empty after stripping (but in a flag), is none. */
    private Optional<Configured<String>> optional(ConfigKey key) {
        if (!root.get(key.key()).exists()) {
            settings.put(key.key(), new Setting(key.key(), "", "not set"));
            return Optional.empty();
        }
        String value = value(key.key()).strip();
        Layer layer = origins.layer(key.key());
        // an empty flag is a mistake in it, not a way to unset the key: its value is checked like any other
        return value.isEmpty() && layer != Layer.FLAG ? Optional.empty()
                : Optional.of(new Configured<>(key, value, value, origins.of(key.key()), layer));
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
