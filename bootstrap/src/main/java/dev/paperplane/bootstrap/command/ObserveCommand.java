package dev.paperplane.bootstrap.command;

import dev.paperplane.adapters.observer.ConnectionLimits;
import dev.paperplane.adapters.observer.LogSigning;
import dev.paperplane.adapters.observer.ObserverRefusedException;
import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.adapters.observer.ObserverSettings;
import dev.paperplane.adapters.observer.TlsFiles;
import dev.paperplane.adapters.observer.TokenFile;
import dev.paperplane.application.tlog.NoteKeys;
import dev.paperplane.bootstrap.cli.BuildInfo;
import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.config.ConfigKey;
import dev.paperplane.bootstrap.config.ConfigOptions;
import dev.paperplane.bootstrap.config.ObserverConfig;
import dev.paperplane.bootstrap.config.PaperplaneConfig;
import dev.paperplane.bootstrap.store.OpenedStore;
import dev.paperplane.bootstrap.store.StoreOpener;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code paperplane observe}: serves the store's state over HTTP, read-only, until the process is stopped. A
 * separate process from the runtime: it opens the store's read side only, takes no lock and writes nothing.
 * Off loopback it needs a bearer token file; given a certificate and key it serves HTTPS.
 */
public final class ObserveCommand implements Command {
    /** Warnings about the token file are log events of this logger. */
    private static final System.Logger LOG = System.getLogger("paperplane.observer");
    private static final Set<ConfigKey.Group> GROUPS = EnumSet.of(ConfigKey.Group.OBSERVER, ConfigKey.Group.STORE);

    @Override
    public String name() {
        return "observe";
    }

    @Override
    public String summary() {
        return "serve the audit log, ledger and decisions read-only over HTTP (GET/HEAD) until Ctrl-C";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println("""
                    usage: ./paperplane observe [--store STORE] [--config FILE] [--host 127.0.0.1] [--port 8080]
                                                [--max-response-bytes N] [--token-file FILE] [--tls-cert FILE --tls-key FILE]
                                                [--max-connections N] [--idle-timeout SECONDS] [--header-timeout SECONDS]
                                                [--signing-key FILE] [--origin ORIGIN]
                    """ + ConfigOptions.STORE_HELP + """

                      --host HOST              address to listen on (default 127.0.0.1); any address but loopback
                                               (127.0.0.0/8, ::1) needs --token-file
                      --port PORT              port to listen on (default 8080; 0 picks a free one)
                      --max-response-bytes N   largest response body (default 1048576; 65536..67108864)
                      --max-connections N      connections held open at once (default 256; 1..4096); one more
                                               is answered 503 and closed
                      --idle-timeout SECONDS   close a kept-alive connection idle this long (default 30; 1..3600)
                      --header-timeout SECONDS close a connection whose request line and headers take longer
                                               (default 10; 1..600)
                      --token-file FILE        file holding the bearer token every request but liveness must send
                                               as `Authorization: Bearer <token>` (keep it chmod 600)
                      --tls-cert FILE          PEM certificate chain: serve HTTPS only (needs --tls-key)
                      --tls-key FILE           PEM private key (unencrypted PKCS#8 or RSA) for --tls-cert
                      --signing-key FILE       note signer key (from `paperplane keygen`) to sign the transparency
                                               log's checkpoint at /observer/v1/log/checkpoint (keep it chmod 600)
                      --origin ORIGIN          the log's name in checkpoints (default: derived from record 1)
                      --config FILE            YAML configuration (keys paperplane.store and paperplane.observer.*;
                                               see docs/configuration.md)
                    Each option can also come from the file or a PAPERPLANE_... variable; flags win.
                    The store is only read, never locked or written, also while a run appends to it.
                    Metrics: /observe/metrics (Prometheus). API: docs/api.md; exposing it on a network: docs/operations.md
                    example: ./paperplane observe --data demo-data --port 8080""");
            return 0;
        }
        serveUntilShutdown(open(args, out));
        return 0;
    }

    /**
     * Checks the options, starts the observer and says where it listens, on {@code out}; warnings about the
     * token file are logged. Returns the running server: {@link #run} then blocks until shutdown.
     */
    static ObserverServer open(List<String> args, PrintStream out) {
        return open(args, System.getenv(), out);
    }

    /** {@link #open(List, PrintStream)} with {@code environment} instead of the process's (for tests). */
    static ObserverServer open(List<String> args, Map<String, String> environment, PrintStream out) {
        Options options = Options.parse("observe", args,
                ConfigOptions.names(GROUPS));
        PaperplaneConfig configured = ConfigOptions.load(options, GROUPS, environment);
        StoreTarget data = configured.store().target("observe", environment);
        ObserverConfig config = configured.observer();
        ObserverSettings settings = settings(config.host(), config.port(), config.maxResponseBytes())
                .withLimits(limits(config.maxConnections(), Duration.ofSeconds(config.idleTimeoutSeconds()),
                        Duration.ofSeconds(config.headerTimeoutSeconds())));
        Optional<Path> tokenFile = config.tokenFile();
        if (tokenFile.isPresent()) {
            TokenFile token = readToken(tokenFile.get());
            token.warnings().forEach(warning -> LOG.log(System.Logger.Level.WARNING, warning));
            settings = settings.withToken(token.token());
        }
        Optional<Path> cert = config.tlsCert();
        Optional<Path> key = config.tlsKey();
        if (cert.isPresent() != key.isPresent()) {
            throw UserError.usage("observe: --tls-cert and --tls-key go together: give the PEM certificate and its"
                    + " private key, or neither for plain HTTP");
        }
        if (cert.isPresent()) {
            settings = settings.withTls(new TlsFiles(cert.get(), key.get()));
        }
        LogSigning signing = new LogSigning(config.origin(), config.signingKey().map(ObserveCommand::readSigner));
        ObserverServer server = start(data, settings, signing);
        out.println("observer: listening on " + settings.scheme() + "://" + hostForUrl(settings.host()) + ":"
                + server.port() + "/observer/v1/ (store " + data.describe() + ", read-only; "
                + (settings.token().isPresent() ? "bearer token required" : "no token") + "); Ctrl-C stops it");
        out.flush();
        return server;
    }

    /** Observer settings from user input, with the settings' own message when a value is out of range. */
    static ObserverSettings settings(String host, int port, long maxResponseBytes) {
        try {
            return new ObserverSettings(host, port, maxResponseBytes, BuildInfo.load().version());
        } catch (IllegalArgumentException e) {
            throw UserError.usage("observe: " + e.getMessage());
        }
    }

    /** Connection limits from user input, with the limits' own message when a value is out of range. */
    static ConnectionLimits limits(int maxConnections, Duration idleTimeout, Duration headerTimeout) {
        try {
            return new ConnectionLimits(maxConnections, idleTimeout, headerTimeout);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("observe: " + e.getMessage());
        }
    }

    /** Starts an observer over the read side of the store {@code data}; its reader lives as long as the process. */
    static ObserverServer start(StoreTarget data, ObserverSettings settings) {
        return start(data, settings, LogSigning.none());
    }

    /** {@link #start(StoreTarget, ObserverSettings)}, naming and signing checkpoints as {@code signing} says. */
    static ObserverServer start(StoreTarget data, ObserverSettings settings, LogSigning signing) {
        OpenedStore.Reading store = StoreOpener.openReader(data);
        try {
            return ObserverServer.start(settings, store.log(), store.snapshots(), signing);
        } catch (ObserverRefusedException e) {
            store.close();
            throw new UserError("observe: " + e.getMessage());
        } catch (RuntimeException e) {
            store.close();
            throw new UserError("cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
        }
    }

    /** The signer key in {@code file}; a message that never quotes the file's content when it is not one. */
    private static NoteKeys.Signer readSigner(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("observe: cannot read the signing key " + file + " ("
                    + (Files.exists(file) ? "permission denied" : "it does not exist") + "); make one with"
                    + " `paperplane keygen --name ORIGIN --out " + file + "`");
        }
        try {
            return NoteKeys.parseSigner(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("observe: " + file + " is not a note signer key: " + e.getMessage());
        }
    }

    private static TokenFile readToken(Path file) {
        try {
            return TokenFile.read(file);
        } catch (ObserverRefusedException e) {
            throw new UserError("observe: " + e.getMessage());
        }
    }

    /**
     * Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), then stops the server cleanly. The shutdown hook is
     * the only thread paperplane itself creates, and only here, for the observer.
     */
    static void serveUntilShutdown(ObserverServer server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "paperplane-observer-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
        }
    }

    static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
