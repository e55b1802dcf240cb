package dev.paperplane.bootstrap.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.bootstrap.cli.BuildInfo;
import dev.paperplane.bootstrap.cli.UserError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class VersionCommandTest {

    @Test
    void printsVersionCommitAndJavaRuntimeOnePerLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        VersionCommand command = new VersionCommand(new BuildInfo("1.2.3", "abc123"), "25.0.3+9-LTS (Vendor, /jdk)");

        assertThat(command.run(List.of(), out, out)).isZero();

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "paperplane 1.2.3",
                "commit abc123",
                "java 25.0.3+9-LTS (Vendor, /jdk)");
    }

    @Test
    void rejectsArguments() {
        VersionCommand command = new VersionCommand(new BuildInfo("1", "c"), "25");

        assertThatThrownBy(() -> command.run(List.of("--short"), System.out, System.err))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }

    @Test
    void buildInfoResourceCarriesTheProjectVersion() {
        assertThat(BuildInfo.load().version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void unfilteredOrMissingBuildValuesReadAsUnknown() {
        Properties properties = new Properties();
        properties.setProperty("version", "${project.version}");

        assertThat(BuildInfo.from(properties)).isEqualTo(new BuildInfo("unknown", "unknown"));
    }
}
