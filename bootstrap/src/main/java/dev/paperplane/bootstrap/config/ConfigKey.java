package dev.paperplane.bootstrap.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every configuration key paperplane reads: the single source of truth that the loader checks input against, that
 * {@code config show} prints and that docs/configuration.md's table is tested against. A scalar key can also be set
 * by an environment variable (its name upper-cased, dots and dashes as underscores, e.g.
 * {@code PAPERPLANE_OBSERVER_PORT}) and, where it has one, by a command-line flag.
 */
public enum ConfigKey {
    ENVIRONMENT("paperplane.environment", Group.RUNTIME, Type.TEXT, "environment",
            "any text", "free-form label recorded with every session (e.g. `demo`, `research`)"),
    EXECUTION_PLANE("paperplane.execution-plane", Group.RUNTIME, Type.TEXT, "execution-plane",
            "`PAPER`", "the only plane there is; any other value is refused at start"),
    INITIAL_CASH("paperplane.initial-cash", Group.RUNTIME, Type.DECIMAL, "initial-cash",
            "decimal ≥ 0", "cash of the ShadowLedger before the first session"),
    SLIPPAGE_BPS("paperplane.fees.slippage-bps", Group.RUNTIME, Type.whole(0, 10_000), "slippage-bps",
            "0–10000", "fill price moved against the order, in basis points of the close"),
    FEE_BPS("paperplane.fees.fee-bps", Group.RUNTIME, Type.whole(0, 10_000), "fee-bps",
            "0–10000", "fee on a fill's notional, in basis points"),
    MAX_POSITION("paperplane.risk.max-position", Group.RUNTIME, Type.DECIMAL, "max-position",
            "decimal ≥ 0", "largest absolute position per instrument"),
    MAX_ORDER_NOTIONAL("paperplane.risk.max-order-notional", Group.RUNTIME, Type.DECIMAL, "max-order-notional",
            "decimal ≥ 0", "largest quantity × price of one order"),
    MAX_SHORT("paperplane.risk.max-short", Group.RUNTIME, Type.DECIMAL, "max-short",
            "decimal ≥ 0", "largest short position per instrument; `0` forbids shorting"),
    STRATEGIES("paperplane.strategies", Group.RUNTIME, Type.LIST, null,
            "a list of at least one strategy", "the strategies consulted on every bar, in this order; a file that"
            + " has this list replaces the bundled one as a whole"),
    STRATEGY_ID("paperplane.strategies.N.id", Group.RUNTIME, Type.TEXT, null,
            "`[a-z0-9][a-z0-9._-]{0,63}`, unique", "the strategy's id, recorded with each of its decisions"),
    STRATEGY_KIND("paperplane.strategies.N.kind", Group.RUNTIME, Type.TEXT, null,
            "`ma-crossover`, `mean-reversion`", "which built-in strategy (see Strategy kinds)"),
    STRATEGY_VERSION("paperplane.strategies.N.version", Group.RUNTIME, Type.whole(1, Integer.MAX_VALUE), null,
            "`1`", "version of the kind's logic"),
    STRATEGY_PARAMS("paperplane.strategies.N.params.*", Group.RUNTIME, Type.TEXT, null,
            "per kind", "the kind's parameters (see Strategy kinds)"),
    STORE("paperplane.store", Group.STORE, Type.LOCATOR, "store",
            "DIR, `file:DIR` or `postgresql://user@host:port/database?schema=name`, without a password",
            "the store `run`, `observe` and `verify` open: a data directory or a PostgreSQL schema; `--data DIR` is"
            + " the same as `--store DIR`"),
    STORE_PASSWORD_FILE("paperplane.store-password-file", Group.STORE, Type.PATH, "store-password-file",
            "a readable file (chmod 600)", "file whose first line is the PostgreSQL store's password (else"
            + " `PGPASSWORD`, else `~/.pgpass`); its content is never printed"),
    SNAPSHOT_EVERY("paperplane.snapshot-every", Group.STORAGE, Type.whole(1, Long.MAX_VALUE), "snapshot-every",
            "≥ 1", "store a snapshot when this many events were appended since the last one (and at session end)"),
    SEGMENT_BYTES("paperplane.segment-bytes", Group.STORAGE, Type.whole(4096, Long.MAX_VALUE), "segment-bytes",
            "≥ 4096", "start a new audit segment once the current one reaches this size"),
    DURABILITY_GROUP_BARS("paperplane.durability.group-bars", Group.STORAGE, Type.whole(1, Long.MAX_VALUE),
            "group-bars", "≥ 1", "`run` forces the log once per group of at most this many whole bars (and before a"
            + " snapshot and at the end of the feed); `1` forces after every bar"),
    DURABILITY_GROUP_BYTES("paperplane.durability.group-bytes", Group.STORAGE, Type.whole(1, 268_435_456),
            "group-bytes", "1–268435456", "`run` forces a group early once its records reach this many bytes"),
    OBSERVER_HOST("paperplane.observer.host", Group.OBSERVER, Type.TEXT, "host",
            "an address or host name", "where `observe` listens; any address but loopback (127.0.0.0/8, `::1`)"
            + " needs a token file"),
    OBSERVER_PORT("paperplane.observer.port", Group.OBSERVER, Type.whole(0, 65_535), "port",
            "0–65535", "the port `observe` listens on; `0` picks a free one"),
    OBSERVER_MAX_RESPONSE_BYTES("paperplane.observer.max-response-bytes", Group.OBSERVER,
            Type.whole(65_536, 67_108_864), "max-response-bytes",
            "65536–67108864", "largest response body the observer builds"),
    OBSERVER_MAX_CONNECTIONS("paperplane.observer.max-connections", Group.OBSERVER, Type.whole(1, 4096),
            "max-connections", "1–4096", "connections the observer holds open at once; one more is answered `503`"
            + " and closed (each costs up to ~25 KiB of heap)"),
    OBSERVER_IDLE_TIMEOUT("paperplane.observer.idle-timeout", Group.OBSERVER, Type.whole(1, 3600), "idle-timeout",
            "1–3600 (seconds)", "a kept-alive connection waiting this long for its next request is closed"),
    OBSERVER_HEADER_TIMEOUT("paperplane.observer.header-timeout", Group.OBSERVER, Type.whole(1, 600),
            "header-timeout", "1–600 (seconds)", "a request whose line and headers take longer (from its first byte;"
            + " for a connection's first request, from the connection's opening) has its connection closed"),
    OBSERVER_TOKEN_FILE("paperplane.observer.token-file", Group.OBSERVER, Type.PATH, "token-file",
            "a readable file (chmod 600)", "file holding the bearer token every request but liveness must send;"
            + " its content is never printed"),
    OBSERVER_TLS_CERT("paperplane.observer.tls-cert", Group.OBSERVER, Type.PATH, "tls-cert",
            "a PEM file, with `tls-key`", "certificate chain: the observer serves HTTPS only"),
    OBSERVER_TLS_KEY("paperplane.observer.tls-key", Group.OBSERVER, Type.PATH, "tls-key",
            "a PEM file, with `tls-cert`", "private key (unencrypted PKCS#8 or RSA) for the certificate"),
    OBSERVER_SIGNING_KEY("paperplane.observer.signing-key", Group.OBSERVER, Type.PATH, "signing-key",
            "a readable file (chmod 600) from `paperplane keygen`", "the note signer key the observer signs the"
            + " transparency log's checkpoints with; without it `/observer/v1/log/checkpoint` is 404; its content"
            + " is never printed"),
    LOG_ORIGIN("paperplane.log.origin", Group.OBSERVER, Type.NAME, "origin",
            "text without spaces or `+`", "the name of the log in its checkpoints; when not set,"
            + " `paperplane/` and the first 32 hex digits of record 1's chain hash");

    /** The prefix of every environment variable that sets a key. */
    public static final String ENV_PREFIX = "PAPERPLANE_";

    /** Which part of paperplane reads a key: a command offers flags for its groups only. */
    public enum Group {
        /** Determines decisions; fingerprinted into the log. */
        RUNTIME,
        /** Shapes storage only; may change between runs. */
        STORAGE,
        /** Where the store is: read by every command that opens one from the configuration. */
        STORE,
        /** How {@code observe} listens and who may read it. */
        OBSERVER
    }

    /**
     * The kind of value a key holds.
     *
     * @param name     what the value is, for messages
     * @param min      smallest whole number (wholes only)
     * @param max      largest whole number (wholes only)
     */
    public record Type(String name, long min, long max) {
        /** Any text. */
        public static final Type TEXT = new Type("text", 0, 0);
        /** A plain decimal number ≥ 0, kept at scale 8. */
        public static final Type DECIMAL = new Type("decimal", 0, 0);
        /** A file path; absent means none. */
        public static final Type PATH = new Type("path", 0, 0);
        /** A store locator; absent means none (the command line must name the store). */
        public static final Type LOCATOR = new Type("locator", 0, 0);
        /** Optional text without spaces or plus signs (a note name); absent means none. */
        public static final Type NAME = new Type("name", 0, 0);
        /** A list of nodes (not a scalar). */
        public static final Type LIST = new Type("list", 0, 0);

        /** A whole number within [min, max]. */
        public static Type whole(long min, long max) {
            return new Type("whole", min, max);
        }

        /** Whether this is a whole number type. */
        public boolean isWhole() {
            return name.equals("whole");
        }

        /** Whether a key of this type may be absent: it has no default, and absent means none. */
        public boolean isOptional() {
            return this.equals(PATH) || this.equals(LOCATOR) || this.equals(NAME);
        }
    }

    private final String key;
    private final Group group;
    private final Type type;
    private final String flag;
    private final String allowed;
    private final String meaning;
    private final Pattern pattern;

    ConfigKey(String key, Group group, Type type, String flag, String allowed, String meaning) {
        this.key = key;
        this.group = group;
        this.type = type;
        this.flag = flag;
        this.allowed = allowed;
        this.meaning = meaning;
        this.pattern = Pattern.compile(Pattern.quote(key).replace(".N.", "\\E\\.\\d+\\.\\Q")
                .replace(".*\\E", "\\E\\.[A-Za-z0-9_-]+"));
    }

    /** The dotted key as documented; {@code N} stands for a list index and {@code *} for any parameter name. */
    public String key() {
        return key;
    }

    /** The part of paperplane that reads it. */
    public Group group() {
        return group;
    }

    /** The kind of value it holds. */
    public Type type() {
        return type;
    }

    /** What values are allowed, for messages and the docs. */
    public String allowed() {
        return allowed;
    }

    /** What the key means, for the docs. */
    public String meaning() {
        return meaning;
    }

    /** The command-line flag (without {@code --}) that sets it, if any. */
    public Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    /** The environment variable that sets it; only keys with a flag (scalars outside lists) have one. */
    public Optional<String> environmentVariable() {
        return flag().map(f -> key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }

    /** Whether {@code concreteKey} (e.g. {@code paperplane.strategies.0.id}) is this key. */
    public boolean matches(String concreteKey) {
        return pattern.matcher(concreteKey).matches();
    }

    /** Whether {@code concreteKey} is this key or lies below it (for the strategies list). */
    public boolean isPrefixOf(String concreteKey) {
        return concreteKey.equals(key) || concreteKey.startsWith(key + ".");
    }

    /** The key that {@code concreteKey} is an instance of. */
    public static Optional<ConfigKey> of(String concreteKey) {
        return Arrays.stream(values()).filter(k -> k.type != Type.LIST && k.matches(concreteKey)).findFirst();
    }

    /** The key set by environment variable {@code name}. */
    public static Optional<ConfigKey> ofEnvironmentVariable(String name) {
        return Arrays.stream(values()).filter(k -> k.environmentVariable().filter(name::equals).isPresent()).findFirst();
    }
}
