package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.domain.audit.OrderRejected;
import dev.paperplane.domain.audit.PaperOrderFilled;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.risk.RiskRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/rules.md is exact: an independent Python model written from it alone (bootstrap/src/test/python) predicts
 * every record of two runs over thousands of synthetic bars, the state digest {@code verify} prints and the
 * newest snapshot's state.
 */
class RulesModelTest {
    private static final Pattern DIGEST = Pattern.compile("state digest ([0-9a-f]{64})");

    @TempDir
    Path dir;

    @Test
    void theModelFromTheDocsPredictsEveryRecordTheDigestAndTheSnapshotOfTwoSessions()
            throws IOException, InterruptedException {
        ExternalProgram.PYTHON.require("the independent model of docs/rules.md");
        Path shorter = Fixtures.feed(dir.resolve("first.csv"), 400, "AAA,BBB,CCC", 5);
        Path longer = Fixtures.feed(dir.resolve("second.csv"), 1_000, "AAA,BBB,CCC", 5);
        // tight limits and little cash, so that every risk rule rejects some orders and positions reverse
        Path config = Fixtures.config(dir.resolve("config.yaml"),
                "initial-cash: \"100000\"", "initial-cash: \"30000\"",
                "max-position: \"500\"", "max-position: \"120\"",
                "max-order-notional: \"25000\"", "max-order-notional: \"6000\"",
                "max-short: \"100\"", "max-short: \"60\"",
                "fast: \"5\"", "fast: \"3\"",
                "slow: \"20\"", "slow: \"8\"",
                "quantity: \"50\"", "quantity: \"40\"",
                "window: \"20\"", "window: \"10\"",
                "k: \"2\"", "k: \"1.5\"",
                "snapshot-every: 10000", "snapshot-every: 997");
        Path data = dir.resolve("data");
        Cli.ok("run", "--data", data, "--feed", shorter, "--config", config);
        Cli.ok("run", "--data", data, "--feed", longer, "--config", config);
        Matcher digest = DIGEST.matcher(Cli.ok("verify", "--data", data).out());
        assertThat(digest.find()).isTrue();

        Cli.Result model = ExternalProgram.PYTHON.run(ExternalProgram.repositoryRoot().resolve("bootstrap/src/test/python/rules_model.py")
                .toString(), data.toString(), digest.group(1), shorter.toString(), longer.toString());

        List<AuditRecord> records = DataDirs.records(data);
        assertThat(model.exitCode()).as(model.toString()).isZero();
        assertThat(model.out().strip()).isEqualTo(records.size() + " records match");
        // the run exercised what the model claims to model
        Set<RiskRule> rejectedBy = records.stream().map(AuditRecord::event).filter(OrderRejected.class::isInstance)
                .map(e -> ((OrderRejected) e).rule()).collect(Collectors.toSet());
        assertThat(rejectedBy).containsExactlyInAnyOrder(RiskRule.values());
        assertThat(records.stream().map(AuditRecord::event).filter(PaperOrderFilled.class::isInstance)
                .map(e -> ((PaperOrderFilled) e).side())).contains(Action.BUY, Action.SELL);
        assertThat(records.stream().map(AuditRecord::event).filter(SessionCompleted.class::isInstance)).hasSize(2);
        assertThat(records).hasSizeGreaterThan(3_000);
    }
}
