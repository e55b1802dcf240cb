package dev.paperplane.bootstrap.command;

import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.config.ConfigKey;
import dev.paperplane.bootstrap.config.ConfigLoader;
import dev.paperplane.bootstrap.config.ConfigOptions;
import dev.paperplane.bootstrap.config.Layer;
import dev.paperplane.bootstrap.config.PaperplaneConfig.Setting;
import dev.paperplane.bootstrap.config.PaperplaneConfig;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code paperplane config show}: the effective configuration, one key per line with the value's origin. Reads
 * nothing but the configuration; a token file is named, never read, and a password in a URL is masked.
 */
public final class ConfigShowCommand implements Command {
    private static final Set<ConfigKey.Group> ALL = EnumSet.allOf(ConfigKey.Group.class);

    private final Map<String, String> environment;

    /** Reads the process environment. */
    public ConfigShowCommand() {
        this(System.getenv());
    }

    /** Reads {@code environment} instead of the process's (for tests). */
    public ConfigShowCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return "config show";
    }

    @Override
    public String summary() {
        return "print the effective configuration and where each value comes from";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println("usage: ./paperplane config show [--config FILE] [configuration flags]\n"
                    + "Prints every key with its effective value and origin (flag, environment variable, file and line,\n"
                    + "or the bundled default); stops with the same error a start would on a bad key or value.\n"
                    + ConfigOptions.help(ALL) + "\n"
                    + "example: ./paperplane config show --config paperplane.yaml --port 9090");
            return 0;
        }
        Options options = Options.parse(name(), args, ConfigOptions.names(ALL));
        PaperplaneConfig config = ConfigLoader.load(ConfigOptions.request(options, ALL, environment));
        out.println("# effective configuration from " + config.source()
                + "; precedence: " + Layer.precedence());
        int width = config.settings().stream().mapToInt(s -> s.key().length()).max().orElse(0);
        for (Setting setting : config.settings()) {
            out.println(setting.key() + " ".repeat(width - setting.key().length()) + " = " + setting.shown()
                    + "    # " + setting.origin());
        }
        return 0;
    }
}
