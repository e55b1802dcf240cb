package dev.paperplane.bootstrap.config;

import dev.paperplane.application.session.Grouping;
import dev.paperplane.domain.session.RuntimeConfig;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The effective configuration: the runtime configuration that is fingerprinted into the log, the storage settings
 * that are not (they change no decision), how the observer listens, where the store is, and where each value came
 * from.
 *
 * @param runtime       everything that determines decisions
 * @param snapshotEvery store a snapshot whenever this many events were appended since the last one
 * @param segmentBytes  roll audit segments at this size
 * @param durability    how many whole bars {@code run} appends under one force
 * @param observer      how {@code observe} listens
 * @param store         where the store is, if the configuration names it (the command line may name it instead)
 * @param source        where the configuration came from, for messages
 * @param settings      every effective value with its origin, in key order, for {@code config show}
 */
public record PaperplaneConfig(RuntimeConfig runtime, long snapshotEvery, long segmentBytes, Grouping durability,
                               ObserverConfig observer, StoreSettings store, String source, List<Setting> settings) {
    public PaperplaneConfig {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(source, "source");
        settings = List.copyOf(settings);
    }

    /**
     * One effective value.
     *
     * @param key    the concrete key, e.g. {@code paperplane.strategies.0.id}
     * @param value  its value as given (empty for an optional key that is not set)
     * @param origin where it came from: a file and line, an environment variable, a flag or the bundled default
     */
    public record Setting(String key, String value, String origin) {
        private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s]*:)[^@/\\s]*@");
        private static final Pattern PASSWORD_PARAMETER = Pattern.compile("([?&]password=)[^&\\s']*");

        /** The value as shown to a user: never a password (see {@link #mask}). */
        public String shown() {
            return mask(value);
        }

        /** {@code text} with a password in a URL's user info or in a {@code password=} parameter masked. */
        public static String mask(String text) {
            String masked = URL_PASSWORD.matcher(text).replaceAll("$1******@");
            return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1******");
        }
    }
}
