package dev.paperplane.bootstrap.command;

import static dev.paperplane.bootstrap.command.StoreFixtures.headSeq;
import static dev.paperplane.bootstrap.command.StoreFixtures.observe;
import static dev.paperplane.bootstrap.command.StoreFixtures.paperplaneProcess;
import static dev.paperplane.bootstrap.command.StoreFixtures.paperplaneWith;
import static dev.paperplane.bootstrap.command.StoreFixtures.succeedsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.bootstrap.cli.CommandLine;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.command.StoreFixtures.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store named by the configuration: {@code paperplane.store} in the file, {@code PAPERPLANE_STORE}, or the
 * flags {@code --store}/{@code --data}, which win, for {@code run}, {@code verify} and {@code observe}; here with
 * data directories (PostgreSQL: {@link PostgresStoreCommandsTest}).
 */
class ConfiguredStoreTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path dir;

    @Test
    void runVerifyAndObserveOpenTheDirectoryNamedInTheConfigurationFile() throws IOException {
        Path data = dir.resolve("from-file");
        Path config = yaml("paperplane:\n  store: " + data + "\n");

        Outcome run = succeedsWith(NO_ENV, "run", "--config", config.toString(), "--feed", feed(20).toString());
        Outcome verify = succeedsWith(NO_ENV, "verify", "--config", config.toString());
        StoreFixtures.Observed observed = observe(NO_ENV, "--config", config.toString());

        assertThat(Files.isDirectory(data)).isTrue();
        assertThat(verify.out()).startsWith("verify: ok: " + headSeq(run) + " records");
        assertThat(observed.lastSeq()).isEqualTo(headSeq(run));
        assertThat(observed.printed()).contains("(store " + data.toAbsolutePath().normalize() + ", read-only");
    }

    @Test
    void runVerifyAndObserveOpenTheStoreNamedByPaperplaneStoreInTheFileSchemeForm() throws IOException {
        Path data = dir.resolve("from-env");
        Map<String, String> env = Map.of("PAPERPLANE_STORE", "file:" + data);

        Outcome run = succeedsWith(env, "run", "--feed", feed(20).toString());
        Outcome verify = succeedsWith(env, "verify");
        StoreFixtures.Observed observed = observe(env);

        assertThat(Files.isDirectory(data)).isTrue();
        assertThat(verify.out()).startsWith("verify: ok: " + headSeq(run) + " records");
        assertThat(observed.lastSeq()).isEqualTo(headSeq(run));
    }

    @Test
    void theStoreFlagWinsOverTheVariableWhichWinsOverTheFile() throws IOException {
        Path inFile = dir.resolve("in-file");
        Path inEnv = dir.resolve("in-env");
        Path onFlag = dir.resolve("on-flag");
        Path config = yaml("paperplane:\n  store: " + inFile + "\n");
        Map<String, String> env = Map.of("PAPERPLANE_STORE", inEnv.toString());
        Path feed = feed(20);

        succeedsWith(env, "run", "--config", config.toString(), "--feed", feed.toString(), "--store", onFlag.toString());
        assertThat(Files.exists(onFlag)).isTrue();
        assertThat(Files.exists(inEnv)).isFalse();

        succeedsWith(env, "run", "--config", config.toString(), "--feed", feed.toString());
        assertThat(Files.exists(inEnv)).isTrue();
        assertThat(Files.exists(inFile)).isFalse();

        Outcome verify = succeedsWith(env, "verify", "--config", config.toString(), "--data", onFlag.toString());
        StoreFixtures.Observed observed = observe(env, "--config", config.toString(), "--store", "file:" + onFlag);

        assertThat(verify.out()).startsWith("verify: ok: ");
        assertThat(observed.printed()).contains("(store " + onFlag.toAbsolutePath().normalize() + ",");
        assertThat(Files.exists(inFile)).isFalse();
    }

    @Test
    void withNoStoreAnywhereEveryCommandNamesTheFlagTheVariableAndTheKey() throws IOException {
        String ways = ": no store given: name it with --store STORE (or --data DIR), with the environment variable "
                + "PAPERPLANE_STORE, or with the key paperplane.store in the --config file; write DIR, file:DIR or "
                + "postgresql://user@host:port/database?schema=name";
        Path config = yaml("paperplane:\n  snapshot-every: 5\n");

        Outcome run = paperplaneWith(NO_ENV, "run", "--config", config.toString(), "--feed", feed(20).toString());
        Outcome verify = paperplaneWith(NO_ENV, "verify", "--config", config.toString());

        assertThat(run.code()).isEqualTo(UserError.USAGE);
        assertThat(run.err()).isEqualTo("paperplane: run" + ways + "\n");
        assertThat(verify.code()).isEqualTo(UserError.USAGE);
        assertThat(verify.err()).isEqualTo("paperplane: verify" + ways + "\n");
        assertThatThrownBy(() -> observe(NO_ENV, "--config", config.toString())).isInstanceOfSatisfying(
                UserError.class, e -> assertThat(e.exitCode()).isEqualTo(UserError.USAGE)).hasMessage("observe" + ways);
    }

    @Test
    void aLocatorCarryingAPasswordInTheFileIsRefusedByEveryCommandNamingKeyFileAndLineWithoutThePassword()
            throws IOException {
        Path config = yaml("""
                # the store
                paperplane:
                  snapshot-every: 5
                  store: "postgresql://writer:hunter2@db.example:5432/trading?schema=pp"
                """);

        Outcome run = paperplaneWith(NO_ENV, "run", "--config", config.toString(), "--feed", feed(20).toString());
        Outcome verify = paperplaneWith(NO_ENV, "verify", "--config", config.toString());
        Outcome show = showConfig("--config", config.toString());

        for (Outcome outcome : List.of(run, verify, show)) {
            assertThat(outcome.code()).isEqualTo(UserError.FAILURE);
            assertThat(outcome.err()).startsWith("paperplane: configuration: key 'paperplane.store' (" + config
                            + " line 4): ")
                    .contains("it carries a password").contains("paperplane.store-password-file")
                    .contains("writer:******@").doesNotContain("hunter2").hasLineCount(1);
        }
        assertThat(show.out()).doesNotContain("hunter2");
    }

    @Test
    void aLocatorWithAnUnknownSchemeInAVariableIsRefusedNamingTheVariable() {
        Outcome verify = paperplaneWith(Map.of("PAPERPLANE_STORE", "mysql://u@db/x"), "verify");

        assertThat(verify.code()).isEqualTo(UserError.FAILURE);
        assertThat(verify.err()).startsWith("paperplane: configuration: key 'paperplane.store' (environment variable "
                + "PAPERPLANE_STORE): 'mysql://u@db/x' names no store; allowed: DIR, file:DIR or postgresql://");
    }

    @Test
    void aPasswordFileConfiguredBesideADirectoryIsAUsageErrorNamingBoth() throws IOException {
        Path config = yaml("paperplane:\n  store: " + dir.resolve("data") + "\n  store-password-file: /etc/pw\n");

        Outcome verify = paperplaneWith(NO_ENV, "verify", "--config", config.toString());

        assertThat(verify.code()).isEqualTo(UserError.USAGE);
        assertThat(verify.err()).isEqualTo("paperplane: verify: key 'paperplane.store-password-file' (" + config
                + " line 3) is for a PostgreSQL store; key 'paperplane.store' (" + config + " line 2) "
                + dir.resolve("data") + " names a data directory\n");
    }

    @Test
    void aPostgresStoreAndItsPasswordFileInTheFileGiveWayToDataOnTheCommandLine() throws IOException {
        Path data = dir.resolve("data");
        Path config = yaml("paperplane:\n  store: postgresql://writer@db.invalid/trading\n"
                + "  store-password-file: " + dir.resolve("no-such-password-file") + "\n");

        Outcome run = succeedsWith(NO_ENV, "run", "--config", config.toString(), "--data", data.toString(),
                "--feed", feed(20).toString());

        assertThat(run.out()).startsWith("run: ");
        assertThat(Files.isDirectory(data)).isTrue();
    }

    @Test
    void copyNamesBothStoresOnTheCommandLineAndNeverTakesTheConfiguredOne() {
        Outcome copy = paperplaneWith(Map.of("PAPERPLANE_STORE", dir.resolve("data").toString()), "copy", "--to",
                dir.resolve("copy").toString());

        assertThat(copy.code()).isEqualTo(UserError.USAGE);
        assertThat(copy.err()).isEqualTo("paperplane: copy: option --from is required: a copy names both its stores "
                + "on the command line and never takes one from paperplane.store or PAPERPLANE_STORE; write --from "
                + "DIR, file:DIR or postgresql://user@host:port/database?schema=name\n");
    }

    @Test
    void verifyReadsPaperplaneStoreFromTheProcessEnvironment() throws Exception {
        Path data = dir.resolve("data");
        Outcome run = succeedsWith(NO_ENV, "run", "--data", data.toString(), "--feed", feed(20).toString());

        Outcome verify = paperplaneProcess(dir, Map.of("PAPERPLANE_STORE", data.toString()), "verify");

        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("verify: ok: " + headSeq(run) + " records");
    }

    private Path feed(int bars) {
        return Files.exists(dir.resolve("feed.csv")) ? dir.resolve("feed.csv")
                : StoreFixtures.feed(dir, "feed.csv", bars, 5);
    }

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("paperplane.yaml"), text, StandardCharsets.UTF_8);
    }

    private static Outcome showConfig(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> line = new ArrayList<>(List.of("config", "show"));
        line.addAll(List.of(args));
        int code = new CommandLine(List.of(new ConfigShowCommand(NO_ENV))).run(line,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

}
