package dev.paperplane.bootstrap.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.bootstrap.config.ConfigKey;
import dev.paperplane.bootstrap.config.PaperplaneConfig.Setting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config show}: every key with its value and origin, nothing secret. */
class ConfigShowCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void printsEveryKeyWithItsValueAndOrigin() throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), "paperplane:\n  snapshot-every: 5\n");

        int code = show(Map.of("PAPERPLANE_OBSERVER_HOST", "::1"), "--config", file.toString(), "--port", "9090");

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(text).containsPattern("paperplane.snapshot-every +\\= 5 +# " + java.util.regex.Pattern.quote(file + " line 2"))
                .containsPattern("paperplane.observer.host +\\= ::1 +# environment variable PAPERPLANE_OBSERVER_HOST")
                .containsPattern("paperplane.observer.port +\\= 9090 +# flag --port")
                .containsPattern("paperplane.fees.fee-bps +\\= 10 +# the bundled default");
        for (ConfigKey key : ConfigKey.values()) {
            if (key.flag().isPresent()) {
                assertThat(text).contains(key.key());
            }
        }
    }

    @Test
    void namesTheTokenFileButNeverPrintsItsContent() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "secret-token-0123456789abcdef");

        show(Map.of(), "--token-file", token.toString());

        assertThat(out.toString(StandardCharsets.UTF_8)).contains(token.toString()).doesNotContain("secret-token");
    }

    @Test
    void showsTheConfiguredStoreAndItsPasswordFileWithTheirOrigins() throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), "paperplane:\n  store: \"postgresql://w@db/pp\"\n");

        show(Map.of("PAPERPLANE_STORE_PASSWORD_FILE", "/etc/pw"), "--config", file.toString());

        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("paperplane.store +\\= postgresql://w@db/pp +# " + java.util.regex.Pattern.quote(file + " line 2"))
                .containsPattern("paperplane.store-password-file +\\= /etc/pw +# environment variable "
                        + "PAPERPLANE_STORE_PASSWORD_FILE");
    }

    @Test
    void headsTheListWithTheSourceAndThePrecedenceOfTheLayers() throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), "paperplane:\n  snapshot-every: 5\n");

        show(Map.of(), "--config", file.toString());

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("# effective configuration from " + file
                + "; precedence: flags, then PAPERPLANE_... variables, then the file, then the bundled default\n");
    }

    @Test
    void showsTheStoreADataFlagNamesAsTheFlagLayerOfTheKey() {
        int code = show(Map.of("PAPERPLANE_STORE", "/from/env"), "--data", "from-flag");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("paperplane.store +\\= from-flag +# flag --data");
    }

    @Test
    void masksAPasswordParameter() {
        assertThat(Setting.mask("postgresql://w@db/pp?password=hunter2&x=1")).isEqualTo(
                "postgresql://w@db/pp?password=******&x=1");
    }

    @Test
    void masksAPasswordInAUrl() {
        assertThat(Setting.mask("postgresql://writer:hunter2@db:5432/pp")).isEqualTo("postgresql://writer:******@db:5432/pp");
        assertThat(Setting.mask("/etc/paperplane/token")).isEqualTo("/etc/paperplane/token");
    }

    private int show(Map<String, String> env, String... args) {
        return new ConfigShowCommand(env).run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
