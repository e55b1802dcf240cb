package dev.paperplane.bootstrap.command;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.append.AuditWriteException;
import dev.paperplane.application.feed.CsvFeed;
import dev.paperplane.application.feed.FeedException;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.application.session.ConfigMismatchException;
import dev.paperplane.application.session.RecordTooLongException;
import dev.paperplane.application.session.InitializeRuntime;
import dev.paperplane.application.session.RunPaperSession;
import dev.paperplane.application.session.SessionSummary;
import dev.paperplane.application.snapshot.store.SnapshotWriteException;
import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.config.ConfigKey;
import dev.paperplane.bootstrap.config.ConfigOptions;
import dev.paperplane.bootstrap.config.PaperplaneConfig;
import dev.paperplane.bootstrap.progress.ProgressReporter;
import dev.paperplane.bootstrap.store.OpenedStore;
import dev.paperplane.bootstrap.store.StoreOpener;
import dev.paperplane.bootstrap.store.StoreTarget;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.num.Decimals;
import dev.paperplane.domain.session.FeedIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code paperplane run}: replay-based initialization, then one PAPER session over a feed, then exit. Single writer,
 * batch-driven: no thread, no timer, no listener, no input but the feed.
 */
public final class RunCommand implements Command {
    /** Warnings of the start (a snapshot passed over, say) are log events of this logger. */
    private static final System.Logger LOG = System.getLogger("paperplane.run");
    private static final Set<ConfigKey.Group> GROUPS = EnumSet.of(ConfigKey.Group.RUNTIME, ConfigKey.Group.STORAGE,
            ConfigKey.Group.STORE);
    /** The groups whose flags the configuration part of the help lists (the store's are in its own lines). */
    private static final Set<ConfigKey.Group> HELP_GROUPS = EnumSet.of(ConfigKey.Group.RUNTIME,
            ConfigKey.Group.STORAGE);

    private final Map<String, String> environment;

    /** Reads the process environment. */
    public RunCommand() {
        this(System.getenv());
    }

    /** Reads {@code environment} instead of the process's (for tests). */
    public RunCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run a PAPER session over a CSV feed, appending to the audit log, then exit";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println("""
                    usage: ./paperplane run [--store STORE] --feed FILE [--config FILE] [configuration flags]
                    """ + ConfigOptions.STORE_HELP + """

                      --feed FILE              CSV bars: time,instrument,open,high,low,close,volume
                    A data directory is created if missing, a PostgreSQL store's tables on first use; one run at a
                    time holds the store's lock. Bars the log already holds are skipped, so running again after a
                    crash, or with a longer feed, appends exactly what is missing. On a terminal it shows progress
                    on stderr.
                    """ + ConfigOptions.help(HELP_GROUPS) + """

                    example: ./paperplane run --data demo-data --feed feed.csv""");
            return 0;
        }
        Options options = Options.parse(name(), args,
                ConfigOptions.names(GROUPS, "feed"));
        PaperplaneConfig config = ConfigOptions.load(options, GROUPS, environment);
        StoreTarget data = config.store().target(name(), environment);
        Path feedFile = Path.of(options.require("feed"));
        SessionSummary summary = runSession(data, feedFile, config, err);
        out.println("run: " + summary.barsRead() + " bars read (" + summary.barsSkipped() + " already in the log), "
                + summary.eventsAppended() + " events appended, " + summary.fills() + " fills, "
                + summary.rejections() + " rejected; head seq " + summary.headSeq() + ", equity "
                + Decimals.format(summary.equity()));
        return 0;
    }

    /**
     * Initializes by replay and runs one session of {@code feedFile} into the store {@code data}, drawing progress
     * on {@code err} when it is a terminal; warnings and recoveries are log events. Failures a user can act on
     * become {@link UserError}s.
     */
    static SessionSummary runSession(StoreTarget data, Path feedFile, PaperplaneConfig config, PrintStream err) {
        FeedFile feed = identify(feedFile);
        try (OpenedStore.Writing store = StoreOpener.openWriter(data, config.segmentBytes());
             InputStream in = Files.newInputStream(feedFile);
             ProgressReporter progress = ProgressReporter.start("run", "bars", err)) {
            InitializeRuntime initialize = new InitializeRuntime(store.log(), store.snapshots(),
                    warning -> LOG.log(System.Logger.Level.WARNING, warning));
            ReplayedState start = initialize.initialize(config.runtime());
            CsvFeed bars = new CsvFeed(in, feedFile.toString());
            return new RunPaperSession(store.appender(), store.snapshotStore(), config.snapshotEvery(),
                    config.durability())
                    .run(start, initialize.unfinishedBatch(start), config.runtime(), feed.identity(),
                            counted(bars, feed.bars(), progress));
        } catch (FeedException e) {
            throw new UserError(e.getMessage() + "; every bar before line " + e.line()
                    + " is appended, nothing after it: fix the line and run again");
        } catch (ConfigMismatchException | RecordTooLongException e) {
            throw new UserError(e.getMessage());
        } catch (AuditCorruptionException e) {
            throw new UserError(e.getMessage() + "; nothing was written. Run ./paperplane verify --store "
                    + data.describe() + " for a full report");
        } catch (AuditWriteException e) {
            throw new UserError("the run stopped: " + e.getMessage()
                    + "; no bar is acknowledged before it is durable, and running again continues after the last "
                    + "durable one");
        } catch (SnapshotWriteException e) {
            throw new UserError("the run stopped: " + e.getMessage() + "; the audit log keeps every bar appended "
                    + "before it: make room (or make the snapshots directory writable) and run again to continue "
                    + "after them");
        } catch (IOException e) {
            throw new UserError("cannot read the feed " + feedFile + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw StoreOpener.userError(e);
        }
    }

    /** The feed's bars, reporting each one read to {@code progress}: the work itself drives the progress line. */
    private static Supplier<Optional<Bar>> counted(CsvFeed bars, long total, ProgressReporter progress) {
        long[] read = {0};
        return () -> {
            Optional<Bar> bar = bars.next();
            if (bar.isPresent()) {
                progress.update(++read[0], total);
            }
            return bar;
        };
    }

    /** A feed's identity and how many bars it holds (its lines but the header), counted while hashing it. */
    private record FeedFile(FeedIdentity identity, long bars) {
    }

    private static FeedFile identify(Path feedFile) {
        if (!Files.isRegularFile(feedFile)) {
            throw new UserError("the feed " + feedFile + " does not exist or is not a file");
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(feedFile), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            long lines = 0;
            int last = '\n';
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                if (n > 0) {
                    last = buffer[n - 1];
                }
            }
            if (last != '\n') {
                lines++;
            }
            String sha256 = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            return new FeedFile(new FeedIdentity(feedFile.getFileName().toString(), sha256), Math.max(0, lines - 1));
        } catch (IOException e) {
            throw new UserError("cannot read the feed " + feedFile + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
