package dev.paperplane.bootstrap.command;

import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.adapters.observer.ObserverSettings;
import dev.paperplane.application.feed.SyntheticFeed;
import dev.paperplane.application.session.SessionSummary;
import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.config.ConfigLoader;
import dev.paperplane.bootstrap.store.StoreTarget;
import dev.paperplane.domain.num.Decimals;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code paperplane demo}: the whole job on a fresh clone — a synthetic feed, a paper session into a demo data
 * directory (kept and reused), and the observer on it, until Ctrl-C.
 */
public final class DemoCommand implements Command {
    /** Where the demo keeps its feed and data, relative to the working directory. */
    public static final Path DEMO_DIR = Path.of(".paperplane", "demo");
    private static final int BARS = 5_000;
    private static final List<String> INSTRUMENTS = List.of("AAA", "BBB", "CCC");
    private static final long SEED = 42;
    private static final int PORT_ATTEMPTS = 20;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "generate a sample feed, run a paper session on it and serve it with the observer";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println("""
                    usage: ./paperplane demo [--dir DIR] [--port PORT]
                      --dir DIR    where the demo keeps its feed and data (default .paperplane/demo)
                      --port PORT  first port to try (default 8080; the next free one is used)
                    Generates a feed (feed synth), runs a session into DIR/data (reused when complete), then serves
                    the observer on 127.0.0.1 until Ctrl-C.
                    example: ./paperplane demo""");
            return 0;
        }
        Options options = Options.parse(name(), args, Set.of("dir", "port"));
        Path dir = options.get("dir").map(Path::of).orElse(DEMO_DIR);
        int firstPort = (int) options.number("port", ObserverSettings.DEFAULT_PORT, 1, 65_535);
        Path feed = dir.resolve("feed.csv");
        Path data = dir.resolve("data");
        writeFeedIfMissing(feed, out);
        SessionSummary summary = RunCommand.runSession(new StoreTarget.Directory(data), feed, ConfigLoader.defaults(), err);
        out.println("demo: session over " + feed + ": " + summary.eventsAppended() + " events appended now ("
                + summary.barsSkipped() + " of " + summary.barsRead() + " bars were already in the log), head seq "
                + summary.headSeq() + ", equity " + Decimals.format(summary.equity()));
        ObserverServer server = startOnFreePort(data, firstPort);
        String base = "http://127.0.0.1:" + server.port() + "/observer/v1";
        out.println("demo: observer listening on " + base + "/ (read-only; data dir " + data.toAbsolutePath() + ")");
        out.println("  " + base + "/runtime");
        out.println("  " + base + "/ledger");
        out.println("  " + base + "/audit/summary");
        out.println("  " + base + "/audit/events?limit=5");
        out.println("  " + base + "/decisions/summary");
        out.println("  " + base + "/openapi");
        out.println("  try: curl -s '" + base + "/ledger' | jq .");
        out.println("demo: Ctrl-C stops it");
        out.flush();
        ObserveCommand.serveUntilShutdown(server);
        return 0;
    }

    private static void writeFeedIfMissing(Path feed, PrintStream out) {
        if (Files.isRegularFile(feed)) {
            return;
        }
        try {
            Files.createDirectories(feed.getParent());
            Path partial = feed.resolveSibling("feed.csv.partial");
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                new SyntheticFeed(BARS, INSTRUMENTS, SEED).writeTo(writer);
            }
            Files.move(partial, feed, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError("cannot write the demo feed " + feed + ": " + e.getMessage());
        }
        out.println("demo: wrote " + feed + " (" + BARS + " bars of " + String.join(",", INSTRUMENTS) + ", seed " + SEED + ")");
    }

    private static ObserverServer startOnFreePort(Path data, int firstPort) {
        UserError last = null;
        for (int port = firstPort; port < firstPort + PORT_ATTEMPTS && port <= 65_535; port++) {
            try {
                return ObserveCommand.start(new StoreTarget.Directory(data), ObserveCommand.settings(
                        ObserverSettings.DEFAULT_HOST, port, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES));
            } catch (UserError e) {
                last = e;
            }
        }
        throw new UserError("no free port from " + firstPort + " to " + (firstPort + PORT_ATTEMPTS - 1)
                + (last == null ? "" : " (" + last.getMessage() + ")") + "; pass --port to try others");
    }
}
