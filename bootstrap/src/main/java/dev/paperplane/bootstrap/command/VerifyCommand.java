package dev.paperplane.bootstrap.command;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.TornTail;
import dev.paperplane.application.tlog.Checkpoint;
import dev.paperplane.application.tlog.NoteKeys;
import dev.paperplane.application.tlog.VerifyCheckpoint;
import dev.paperplane.application.verify.VerificationReport;
import dev.paperplane.application.verify.VerifyAuditTrail;
import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.config.ConfigKey;
import dev.paperplane.bootstrap.config.ConfigOptions;
import dev.paperplane.bootstrap.progress.ProgressReporter;
import dev.paperplane.bootstrap.store.OpenedStore;
import dev.paperplane.bootstrap.store.StoreOpener;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code paperplane verify}: read-only offline check of the audit chain and every snapshot. */
public final class VerifyCommand implements Command {
    private static final Set<ConfigKey.Group> GROUPS = EnumSet.of(ConfigKey.Group.STORE);

    private final Map<String, String> environment;

    /** Reads the process environment. */
    public VerifyCommand() {
        this(System.getenv());
    }

    /** Reads {@code environment} instead of the process's (for tests). */
    public VerifyCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "check offline that the audit log's chain is intact and every snapshot equals a replay";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println("""
                    usage: ./paperplane verify [--store STORE] [--config FILE] [--checkpoint FILE [--key VKEY]]
                    """ + ConfigOptions.STORE_HELP + """

                      --config FILE            YAML configuration naming the store (paperplane.store)
                      --checkpoint FILE        a checkpoint saved from the observer's /observer/v1/log/checkpoint:
                                               the log must still hold its tree (size and root)
                      --key VKEY               the verifier key (or a file holding it): the checkpoint's signature
                                               must verify too

                    The store is only read: nothing in it is written or locked. On a terminal it shows progress
                    (records checked, rate, time left) on stderr.
                    Exits 0 only when every seq is present and contiguous, every chain hash is correct and every
                    snapshot equals a replay of the log up to its seq; otherwise names the first bad seq and offset.
                    example: ./paperplane verify --data demo-data""");
            return 0;
        }
        Options options = Options.parse(name(), args, ConfigOptions.names(GROUPS, "checkpoint", "key"));
        Optional<Checkpoint> checkpoint = checkpoint(options);
        StoreTarget data = ConfigOptions.load(options, GROUPS, environment).store().target(name(), environment);
        VerificationReport report;
        Optional<String> treeProblem = Optional.empty();
        try (OpenedStore.Reading store = StoreOpener.openReader(data);
             ProgressReporter progress = ProgressReporter.start("verify", "records", err)) {
            long total = knownHead(store.log());
            report = new VerifyAuditTrail(store.log(), store.snapshots()).verify(seq -> progress.update(seq, total));
            if (checkpoint.isPresent() && report.corruption().isEmpty()) {
                treeProblem = new VerifyCheckpoint(store.log()).against(checkpoint.get());
            }
        } catch (RuntimeException e) {
            throw StoreOpener.userError(e);
        }
        if (report.ok() && treeProblem.isEmpty()) {
            checkpoint.ifPresent(c -> out.println("verify: ok: the log holds the tree of the checkpoint "
                    + c.origin() + " (" + c.size() + " records, root " + c.rootBase64() + ")"));
            out.println("verify: ok: " + report.head().seq() + " records, seq contiguous, chain intact (head "
                    + report.head().hash() + "), " + report.snapshotsChecked() + " snapshots equal to a replay; state digest "
                    + report.stateDigest());
            report.tornTail().ifPresent(torn -> out.println(describe(torn)));
            return 0;
        }
        report.tornTail().ifPresent(torn -> err.println(describe(torn)));
        report.findings().forEach(finding -> err.println("verify: " + finding));
        treeProblem.ifPresent(problem -> err.println("verify: checkpoint " + options.require("checkpoint") + ": "
                + problem));
        report.corruption().ifPresent(c -> err.println("verify: first bad seq " + c.seq() + " in " + c.segment()
                + " at byte offset " + c.offset()));
        // A store may verify its records before handing out the first one, so the report's head can lag behind
        // what was verified: every record before the first bad seq passed the chain check.
        long lastGood = report.corruption().map(c -> c.seq() - 1).orElse(report.head().seq());
        if (treeProblem.isPresent() && report.ok()) {
            err.println("verify: FAILED: the log does not hold the tree of the checkpoint");
            return 1;
        }
        err.println("verify: FAILED: " + report.findings().size() + " problem(s); the last good record is seq "
                + lastGood);
        return 1;
    }

    /** What a torn tail is and what will become of it; it is no problem, so verify passes with it. */
    private static String describe(TornTail torn) {
        return "verify: torn tail: " + torn.bytes() + " byte(s) after the last newline of " + torn.segment()
                + " (from byte offset " + torn.offset() + ") are not part of the log and readers ignore them; the "
                + "next run moves them to quarantine/ and cuts them from the segment";
    }

    private Optional<Checkpoint> checkpoint(Options options) {
        Optional<NoteKeys.Verifier> key = options.get("key").map(k -> SavedCheckpoint.verifier(name(), k));
        Optional<String> file = options.get("checkpoint");
        if (key.isPresent() && file.isEmpty()) {
            throw UserError.usage("verify: --key checks a checkpoint's signature: give --checkpoint FILE too");
        }
        return file.map(f -> SavedCheckpoint.read(name(), Path.of(f), key));
    }

    /** The head seq for progress, or 0 (total unknown) when the log fails verification: the report names where. */
    private static long knownHead(AuditReadPort log) {
        try {
            return log.head().seq();
        } catch (AuditCorruptionException e) {
            return 0;
        }
    }
}
