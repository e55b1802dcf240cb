package dev.paperplane.bootstrap.command;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.application.copy.CopyAuditTrail;
import dev.paperplane.application.copy.CopyFailedException;
import dev.paperplane.application.copy.CopyListener;
import dev.paperplane.application.verify.VerificationReport;
import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.config.ConfigKey;
import dev.paperplane.bootstrap.progress.ProgressReporter;
import dev.paperplane.bootstrap.store.OpenedStore;
import dev.paperplane.bootstrap.store.StoreOpener;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** {@code paperplane copy}: copies a verified audit log and its snapshots from one store to another. */
public final class CopyCommand implements Command {
    /**
     * The target's segment size: an option of copy's own, not the configuration's key, since copy reads no
     * configuration; it takes the same values as {@code paperplane.segment-bytes}.
     */
    private static final String SEGMENT_BYTES = "segment-bytes";
    /** Snapshots that are not copied are log events of this logger. */
    private static final System.Logger LOG = System.getLogger("paperplane.copy");

    @Override
    public String name() {
        return "copy";
    }

    @Override
    public String summary() {
        return "copy a verified audit log and its snapshots between stores (directory, PostgreSQL), then verify it";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println("""
                    usage: ./paperplane copy --from STORE --to STORE [--from-password-file FILE] [--to-password-file FILE]
                                             [--segment-bytes BYTES]
                      --from STORE               the store to copy; only read, and verified as it is read
                      --to STORE                 the store to copy into, created if missing; its writer lock is held
                      --from-password-file FILE  PostgreSQL password of --from (else PGPASSWORD or ~/.pgpass)
                      --to-password-file FILE    PostgreSQL password of --to (else PGPASSWORD or ~/.pgpass)
                      --segment-bytes BYTES      segment size of a data directory --to (>= 4096, default 67108864)
                    A STORE is a data directory (DIR or file:DIR) or postgresql://user@host:port/database?schema=name.
                    The target must be empty or hold a prefix of the source (an interrupted copy, which this
                    continues). Every intact snapshot is copied too; then the target is verified like `verify` does.
                    A data directory target gets the segment files the runtime wrote, byte for byte, when
                    --segment-bytes is the paperplane.segment-bytes the log was run with. Both stores and the segment
                    size are always named here: copy reads no --config file, PAPERPLANE_STORE or paperplane.store. On
                    a terminal it shows progress (records read, copied and verified, rate, time left) on stderr.
                    example: ./paperplane copy --from demo-data --to postgresql://paperplane_writer@db:5432/paperplane""");
            return 0;
        }
        Options options = Options.parse(name(), args, Set.of("from", "to", "from-password-file", "to-password-file",
                SEGMENT_BYTES));
        StoreTarget from = StoreTarget.ofOption(name(), "--from", required(options, "from"),
                options.get("from-password-file").map(Path::of), "--from-password-file", System.getenv());
        StoreTarget to = StoreTarget.ofOption(name(), "--to", required(options, "to"),
                options.get("to-password-file").map(Path::of), "--to-password-file", System.getenv());
        long segmentBytes = options.number(SEGMENT_BYTES, FileStore.DEFAULT_SEGMENT_BYTES,
                ConfigKey.SEGMENT_BYTES.type().min(), ConfigKey.SEGMENT_BYTES.type().max());
        CopyAuditTrail.Result result = copy(from, to, segmentBytes,
                label -> ProgressReporter.start(label, "records", err));
        VerificationReport report = result.verification();
        if (!report.ok()) {
            report.findings().forEach(finding -> err.println("copy: " + finding));
            err.println("copy: FAILED: the copy in " + to.describe() + " does not verify (" + report.findings().size()
                    + " problem(s)); the source " + from.describe() + " is unchanged");
            return 1;
        }
        out.println("copy: " + result.recordsCopied() + " records copied (" + result.recordsPresent()
                + " already in the target), " + result.snapshotsCopied() + " snapshots copied ("
                + result.snapshotsPresent() + " already there, " + result.snapshotsSkipped() + " skipped), from "
                + from.describe() + " to " + to.describe() + "; verified: head seq " + report.head().seq() + " hash "
                + report.head().hash() + ", " + report.snapshotsChecked() + " snapshots equal to a replay");
        return 0;
    }

    /**
     * Copies {@code from} into {@code to} ({@link CopyAuditTrail}); the target's file segments (if it is a data
     * directory) roll at {@code segmentBytes}, and a skipped snapshot is a warning of the {@code paperplane.copy}
     * logger. Each pass over the records reports to a reporter that {@code progress} starts for the pass's label.
     *
     * @throws UserError when the stores are the same, the copy fails ({@link CopyFailedException}), or either
     *                   store fails
     */
    public static CopyAuditTrail.Result copy(StoreTarget from, StoreTarget to, long segmentBytes,
                                             Function<String, ProgressReporter> progress) {
        if (from.sameAs(to)) {
            throw UserError.usage("copy: --from and --to name the same store, " + from.describe());
        }
        try (OpenedStore.Reading source = StoreOpener.openReader(from)) {
            return new CopyAuditTrail(new CopyAuditTrail.Source(from.describe(), source.log(), source.snapshots()))
                    .copy(() -> {
                        OpenedStore.Writing target = StoreOpener.openWriter(to, segmentBytes);
                        return new CopyAuditTrail.Target(to.describe(), target.appender(), target.snapshotStore(),
                                target.log(), target.snapshots(), target::close);
                    }, new Listener(from, progress));
        } catch (CopyFailedException e) {
            throw new UserError(e.getMessage());
        } catch (RuntimeException e) {
            throw StoreOpener.userError(e);
        }
    }

    /** Draws each pass's progress with a {@link ProgressReporter} and logs each skipped snapshot. */
    private record Listener(StoreTarget from, Function<String, ProgressReporter> progress) implements CopyListener {
        @Override
        public PassProgress start(Pass pass) {
            return new Reporting(progress.apply(pass.label()));
        }

        @Override
        public void snapshotSkipped(long seq, String problem) {
            LOG.log(System.Logger.Level.WARNING, "the snapshot at seq " + seq + " of " + from.describe()
                    + " is not copied: " + problem);
        }
    }

    private record Reporting(ProgressReporter reporter) implements CopyListener.PassProgress {
        @Override
        public void update(long done, long total) {
            reporter.update(done, total);
        }

        @Override
        public void close() {
            reporter.close();
        }
    }

    /**
     * Both stores are always named on the command line: a configured store (paperplane.store, PAPERPLANE_STORE) is
     * the one the runtime uses, and defaulting either end of a copy to it would make copying the wrong way easy.
     */
    private static String required(Options options, String name) {
        return options.get(name).orElseThrow(() -> UserError.usage("copy: option --" + name + " is required: a copy"
                + " names both its stores on the command line and never takes one from paperplane.store or"
                + " PAPERPLANE_STORE; write --" + name + " DIR, file:DIR or postgresql://user@host:port/database?schema=name"));
    }
}
