package dev.paperplane.bootstrap.config;

import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.config.ConfigRequest.Flag;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The configuration options a command accepts: {@code --config FILE} plus one flag per key of its groups, and
 * {@code --data DIR} beside {@code --store} for the {@link ConfigKey.Group#STORE} group. Each flag is the
 * {@link Layer#FLAG} layer of its key: a command reads the store like any other key.
 */
public final class ConfigOptions {
    /** The option naming the YAML file. */
    public static final String CONFIG = "config";

    /** The directory form of {@code --store}: {@code --data DIR} is {@code --store DIR}. */
    public static final String DATA = "data";

    /** Help lines for the store's options, to paste into a command's usage text. */
    public static final String STORE_HELP = String.join("\n",
            "  --store STORE            the store: a data directory, DIR or file:DIR, or a PostgreSQL",
            "                           schema, postgresql://user@host:port/database?schema=name",
            "                           (else PAPERPLANE_STORE, else paperplane.store in the --config file)",
            "  --data DIR               the same as --store DIR",
            "  --store-password-file F  file holding the PostgreSQL password (else",
            "                           PAPERPLANE_STORE_PASSWORD_FILE, paperplane.store-password-file,",
            "                           PGPASSWORD or ~/.pgpass; never on the command line)");

    private ConfigOptions() {
    }

    /** {@code config} and the flag names of every key in {@code groups}. */
    public static Set<String> names(Set<ConfigKey.Group> groups) {
        Set<String> names = new TreeSet<>();
        names.add(CONFIG);
        keys(groups).forEach(k -> names.add(k.flag().orElseThrow()));
        if (groups.contains(ConfigKey.Group.STORE)) {
            names.add(DATA);
        }
        return names;
    }

    /** {@code names(groups)} plus the command's own options. */
    public static Set<String> names(Set<ConfigKey.Group> groups, String... own) {
        Set<String> names = names(groups);
        names.addAll(Arrays.asList(own));
        return names;
    }

    /** The configuration those options, the environment {@code env} and the file they name give. */
    public static ConfigRequest request(Options options, Set<ConfigKey.Group> groups, Map<String, String> env) {
        SortedMap<ConfigKey, Flag> flags = new TreeMap<>();
        keys(groups).forEach(k -> options.get(k.flag().orElseThrow()).ifPresent(v -> flags.put(k, Flag.of(k, v))));
        if (groups.contains(ConfigKey.Group.STORE) && options.get(DATA).isPresent()) {
            if (flags.containsKey(ConfigKey.STORE)) {
                throw UserError.usage(options.command() + ": give --store or --data, not both (--data DIR is the"
                        + " same as --store DIR)");
            }
            flags.put(ConfigKey.STORE, new Flag(DATA, options.get(DATA).get()));
        }
        return new ConfigRequest(options.command(), options.get(CONFIG).map(Path::of), env, flags);
    }

    /** Loads the configuration of those options and the environment {@code env}. */
    public static PaperplaneConfig load(Options options, Set<ConfigKey.Group> groups, Map<String, String> env) {
        return ConfigLoader.load(request(options, groups, env));
    }

    /**
     * Help lines for {@code --config} and each flag of {@code groups}, for a command's {@code --help}; the store's
     * flags are in {@link #STORE_HELP}.
     */
    public static String help(Set<ConfigKey.Group> groups) {
        StringBuilder help = new StringBuilder();
        help.append("configuration (flags win over PAPERPLANE_... variables, which win over the file; docs/configuration.md):\n");
        help.append(line("--config FILE", "YAML configuration over the bundled default"));
        for (ConfigKey key : keys(groups)) {
            String flag = "--" + key.flag().orElseThrow() + " " + (key.type().isWhole() ? "N"
                    : key.type() == ConfigKey.Type.PATH ? "FILE" : "VALUE");
            help.append(line(flag, key.key() + " (" + key.allowed().replace("`", "") + ")"));
        }
        return help.toString().stripTrailing();
    }

    private static String line(String flag, String text) {
        return "  " + flag + " ".repeat(Math.max(1, 26 - flag.length())) + text + "\n";
    }

    private static Set<ConfigKey> keys(Set<ConfigKey.Group> groups) {
        Set<ConfigKey> keys = EnumSet.noneOf(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            if (groups.contains(key.group()) && key.flag().isPresent()) {
                keys.add(key);
            }
        }
        return keys;
    }
}
