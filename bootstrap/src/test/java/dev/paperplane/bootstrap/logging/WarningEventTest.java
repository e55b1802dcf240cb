package dev.paperplane.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.bootstrap.ChildJvm;
import dev.paperplane.bootstrap.Cli;
import dev.paperplane.bootstrap.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * paperplane's own warnings are log events: in a real process, a torn tail recovered at writer start comes out as
 * one line on standard error, text by default and a JSON object with {@code --log-format json}.
 */
class WarningEventTest {
    @TempDir
    Path dir;

    private Path data;
    private Path feed;

    @BeforeEach
    void aDataDirectoryWithATornTail() throws IOException {
        data = dir.resolve("data");
        feed = Fixtures.feed(dir.resolve("feed.csv"), 20, "AAA", 3);
        Cli.ok("run", "--data", data, "--feed", feed);
        Path last;
        try (Stream<Path> segments = Files.list(data.resolve("audit"))) {
            last = segments.max(Comparator.naturalOrder()).orElseThrow();
        }
        Files.writeString(last, "{\"seq\":", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void aWarningIsOneTextLineByDefault() throws Exception {
        Cli.Result run = ChildJvm.run(dir.resolve("logs"), List.of(), "run", "--data", data, "--feed", feed);

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.err().lines()).as("%s", run).singleElement().asString()
                .matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z WARNING paperplane\\.store: recovered a torn audit tail: .*");
    }

    @Test
    void aWarningIsOneJsonObjectWithLogFormatJson() throws Exception {
        Cli.Result run = ChildJvm.run(dir.resolve("logs"), List.of(), "--log-format", "json", "run", "--data", data,
                "--feed", feed);

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.err().lines()).as("%s", run).singleElement().asString()
                .startsWith("{\"time\":\"").endsWith("}")
                .contains(",\"level\":\"WARNING\",\"logger\":\"paperplane.store\","
                        + "\"message\":\"recovered a torn audit tail: cut 7 byte(s) at offset ");
    }
}
