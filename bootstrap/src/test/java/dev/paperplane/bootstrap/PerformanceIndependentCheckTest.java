package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.application.analytics.Attribution;
import dev.paperplane.application.analytics.Drawdown;
import dev.paperplane.application.analytics.PerformanceCache;
import dev.paperplane.application.analytics.PerformanceReport;
import dev.paperplane.application.analytics.RoundTrip;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.domain.num.Decimals;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python check printed in docs/api.md (Performance), run as it stands against a log the runtime wrote: the
 * formulas there are exact enough for a program with no code of ours to reproduce the figures to the last digit.
 */
class PerformanceIndependentCheckTest {
    private static final Pattern PYTHON_BLOCK = Pattern.compile("(?s)```python\\n(.*?)```");

    @TempDir
    Path dir;

    @Test
    void thePythonFoldFromTheDocsPrintsTheFiguresOfPerformance() throws IOException, InterruptedException {
        ExternalProgram.PYTHON.require("the independent performance check");
        Matcher block = PYTHON_BLOCK.matcher(Files.readString(
                ExternalProgram.repositoryRoot().resolve("docs/api.md"), StandardCharsets.UTF_8));
        assertThat(block.find()).as("a ```python block in docs/api.md").isTrue();
        Path script = Files.writeString(dir.resolve("performance.py"), block.group(1), StandardCharsets.UTF_8);
        Path feed = Fixtures.feed(dir.resolve("feed.csv"), 300, "AAA,BBB,C.1", 7);
        Path data = dir.resolve("data");
        Cli.ok("run", "--data", data, "--feed", feed, "--config", Fixtures.config(dir.resolve("config.yaml")));

        Cli.Result python = ExternalProgram.PYTHON.run(script.toString(), data.toString());
        assertThat(python.exitCode()).as(python.err()).isZero();

        assertThat(python.out().strip()).isEqualTo(expected(FileStore.openReader(data)));
    }

    /** The same figures from the observer's fold, in the script's format (Python's json.dumps, sorted keys). */
    private static String expected(AuditReadPort log) {
        PerformanceCache cache = new PerformanceCache(log);
        PerformanceReport report = cache.atHead().report();
        Drawdown dd = report.portfolio().drawdown();
        StringJoiner strategies = new StringJoiner(", ", "{", "}");
        for (Map.Entry<String, Attribution> e : report.strategies().entrySet()) {
            if (e.getValue().fills() == 0) {
                continue;
            }
            BigDecimal net = cache.trips(0, Optional.of(e.getKey()), Optional.empty(), Integer.MAX_VALUE).stream()
                    .map(RoundTrip::netPnl).reduce(Decimals.ZERO, BigDecimal::add);
            strategies.add(q(e.getKey()) + ": [" + q(e.getValue().pnl().total()) + ", "
                    + e.getValue().trips().closed() + ", " + q(net) + "]");
        }
        return "{\"drawdown\": [" + q(dd.amount()) + ", " + dd.peakSeq() + ", " + dd.troughSeq() + "], \"equity\": "
                + q(report.portfolio().equity()) + ", \"fees\": " + q(report.portfolio().pnl().fees())
                + ", \"realized\": " + q(report.portfolio().pnl().realized()) + ", \"strategies\": " + strategies
                + ", \"total\": " + q(report.portfolio().pnl().total()) + "}";
    }

    private static String q(Object value) {
        return "\"" + (value instanceof BigDecimal d ? Decimals.format(d) : value) + "\"";
    }
}
