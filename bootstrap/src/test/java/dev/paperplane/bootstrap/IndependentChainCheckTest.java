package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.application.audit.ChainHead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python check printed in docs/data-formats.md, run as it stands against a store the runtime wrote: the
 * documentation is exact enough for a tool with no code of ours to re-verify the chain.
 */
class IndependentChainCheckTest {
    private static final Pattern PYTHON_BLOCK = Pattern.compile("(?s)```python\\n(.*?)```");

    @TempDir
    Path dir;

    private Path script;
    private Path data;

    @BeforeEach
    void scriptFromTheDocsAndAStore() throws IOException, InterruptedException {
        ExternalProgram.PYTHON.require("the independent chain check of docs/data-formats.md");
        String docs = Files.readString(ExternalProgram.repositoryRoot().resolve("docs/data-formats.md"), StandardCharsets.UTF_8);
        Matcher block = PYTHON_BLOCK.matcher(docs);
        assertThat(block.find()).as("a ```python block in docs/data-formats.md").isTrue();
        script = Files.writeString(dir.resolve("check.py"), block.group(1), StandardCharsets.UTF_8);
        Path feed = Fixtures.feed(dir.resolve("feed.csv"), 80, "AAA,BBB,C.1", 3);
        Path smallSegments = Fixtures.config(dir.resolve("config.yaml"), "segment-bytes: 67108864", "segment-bytes: 8192");
        data = dir.resolve("data");
        Cli.ok("run", "--data", data, "--feed", feed, "--config", smallSegments);
        assertThat(DataDirs.segments(data)).hasSizeGreaterThan(2);
    }

    @Test
    void thePythonCheckFromTheDocsVerifiesEveryRecordUpToTheStoresHead() throws IOException, InterruptedException {
        ChainHead head = FileStore.openReader(data).head();

        Cli.Result result = ExternalProgram.PYTHON.run(script.toString(), data.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().strip()).isEqualTo(head.seq() + " records verified, head " + head.hash());
    }

    @Test
    void thePythonCheckFromTheDocsRejectsAChangedRecord() throws IOException, InterruptedException {
        Path first = data.resolve("audit").resolve(DataDirs.segments(data).firstKey());
        String text = Files.readString(first, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        String third = lines.get(2);
        String changed = third.replaceFirst("\"open\":\"(\\d)", "\"open\":\"9$1");
        assertThat(changed).isNotEqualTo(third);
        Files.writeString(first, text.replace(third, changed), StandardCharsets.UTF_8);

        Cli.Result result = ExternalProgram.PYTHON.run(script.toString(), data.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("bad record at seq 3 in ");
    }

    @Test
    void thePythonCheckFromTheDocsRejectsAFingerprintThatIsNotTheHashOfItsConfig() throws IOException,
            InterruptedException {
        Path first = data.resolve("audit").resolve(DataDirs.segments(data).firstKey());
        String text = Files.readString(first, StandardCharsets.UTF_8);
        int digit = text.indexOf("\"fingerprint\":\"") + "\"fingerprint\":\"".length();
        String forged = text.substring(0, digit) + (text.charAt(digit) == '0' ? '1' : '0') + text.substring(digit + 1);
        Files.writeString(first, forged, StandardCharsets.UTF_8);
        DataDirs.rechain(data);

        Cli.Result result = ExternalProgram.PYTHON.run(script.toString(), data.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("bad fingerprint at seq 1 in ");
    }
}
