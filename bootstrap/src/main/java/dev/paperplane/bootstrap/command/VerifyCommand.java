package dev.paperplane.bootstrap.command;

import dev.paperplane.application.verify.VerificationReport;
import dev.paperplane.application.verify.VerifyAuditTrail;
import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.store.StoreOption;
import dev.paperplane.bootstrap.store.Stores;
import java.io.PrintStream;
import java.util.List;

/** {@code paperplane verify}: read-only offline check of the audit chain and every snapshot. */
public final class VerifyCommand implements Command {

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
                    usage: ./paperplane verify --store STORE
                    """ + StoreOption.HELP + """

                    The store is only read: nothing in it is written or locked.
                    Exits 0 only when every seq is present and contiguous, every chain hash is correct and every
                    snapshot equals a replay of the log up to its seq; otherwise names the first bad seq and offset.
                    example: ./paperplane verify --data demo-data""");
            return 0;
        }
        Options options = Options.parse(name(), args, StoreOption.NAMES);
        VerificationReport report;
        try (Stores.Reading store = Stores.openReader(StoreOption.store(options, name(), err))) {
            report = new VerifyAuditTrail(store.log(), store.snapshots()).verify(seq -> { });
        } catch (RuntimeException e) {
            throw Stores.userError(e);
        }
        if (report.ok()) {
            out.println("verify: ok: " + report.head().seq() + " records, seq contiguous, chain intact (head "
                    + report.head().hash() + "), " + report.snapshotsChecked() + " snapshots equal to a replay; state digest "
                    + report.stateDigest());
            return 0;
        }
        report.findings().forEach(finding -> err.println("verify: " + finding));
        report.corruption().ifPresent(c -> err.println("verify: first bad seq " + c.seq() + " in " + c.segment()
                + " at byte offset " + c.offset()));
        err.println("verify: FAILED: " + report.findings().size() + " problem(s); the last good record is seq "
                + report.head().seq());
        return 1;
    }
}
