package dev.paperplane.bootstrap.command;

import static dev.paperplane.bootstrap.command.StoreFixtures.BARS;
import static dev.paperplane.bootstrap.command.StoreFixtures.config;
import static dev.paperplane.bootstrap.command.StoreFixtures.feed;
import static dev.paperplane.bootstrap.command.StoreFixtures.headSeq;
import static dev.paperplane.bootstrap.command.StoreFixtures.observe;
import static dev.paperplane.bootstrap.command.StoreFixtures.paperplane;
import static dev.paperplane.bootstrap.command.StoreFixtures.paperplaneProcess;
import static dev.paperplane.bootstrap.command.StoreFixtures.succeeds;
import static dev.paperplane.bootstrap.command.StoreFixtures.succeedsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.adapters.persistence.postgres.testserver.PostgresServer;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.command.StoreFixtures.Observed;
import dev.paperplane.bootstrap.command.StoreFixtures.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}, {@code verify} and {@code observe} on a PostgreSQL store, logging in as a role whose password the
 * server checks: from a password file, {@code PGPASSWORD} or a pgpass file, never from the command line; the store
 * named on the command line, in the configuration file or by {@code PAPERPLANE_STORE}.
 */
class PostgresStoreCommandsTest {
    private static final String PASSWORD = "s3cret:with\\colon";
    private static final AtomicInteger ROLES = new AtomicInteger();

    @TempDir
    Path dir;

    private PostgresServer server;
    private String role;
    private String schema;
    private String hostPortDatabase;
    private String locator;

    @BeforeEach
    void createARoleThatMustGiveItsPassword() {
        server = PostgresServer.shared();
        role = "pp_cli_" + ProcessHandle.current().pid() + "_" + ROLES.incrementAndGet();
        schema = role;
        server.sql("DO $$ BEGIN CREATE ROLE " + PostgresServer.PASSWORD_LOGIN_GROUP + " NOLOGIN; "
                        + "EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD.replace("'", "''") + "' IN ROLE "
                        + PostgresServer.PASSWORD_LOGIN_GROUP,
                "CREATE SCHEMA " + schema + " AUTHORIZATION " + role);
        hostPortDatabase = server.jdbcUrl().substring("jdbc:postgresql://".length());
        locator = "postgresql://" + role + "@" + hostPortDatabase + "?schema=" + schema;
    }

    @AfterEach
    void dropTheRole() {
        server.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "DROP ROLE IF EXISTS " + role);
    }

    @Test
    void runVerifyAndObserveTakeThePasswordFromAPasswordFile() throws Exception {
        Path passwordFile = secret("password", PASSWORD + "\n");

        Outcome run = succeeds("run", "--store", locator, "--store-password-file", passwordFile.toString(),
                "--feed", feed(dir, "feed.csv", BARS, 3).toString(), "--config", config(dir).toString());
        Outcome verify = succeeds("verify", "--store", locator, "--store-password-file", passwordFile.toString());

        String headSeq = run.out().replaceFirst("(?s).*head seq (\\d+),.*", "$1");
        assertThat(verify.out()).startsWith("verify: ok: " + headSeq + " records");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        ObserverServer observer = ObserveCommand.open(List.of("--store", locator, "--store-password-file",
                passwordFile.toString(), "--port", "0"), print);
        try {
            HttpResponse<String> summary = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + observer.port() + "/observer/v1/audit/summary")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(summary.statusCode()).isEqualTo(200);
            assertThat(summary.body()).contains("\"lastSeq\":" + headSeq);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("(store postgresql://" + role + "@")
                    .doesNotContain(PASSWORD);
        } finally {
            observer.stop();
        }
        assertThat(run.out() + run.err() + verify.out() + verify.err()).doesNotContain(PASSWORD);
    }

    @Test
    void aWrongPasswordIsOneLineNamingTheStore() throws IOException {
        assumeTrue(System.getenv("PAPERPLANE_TEST_POSTGRES_URL") == null,
                "an external test server may not check passwords");
        Path wrong = secret("wrong", "not-the-password\n");

        Outcome verify = paperplane("verify", "--store", locator, "--store-password-file", wrong.toString());

        assertThat(verify.code()).isEqualTo(UserError.FAILURE);
        assertThat(verify.err()).startsWith("paperplane: cannot connect to postgresql://" + role + "@")
                .contains("password authentication failed").hasLineCount(1).doesNotContain("not-the-password");
    }

    @Test
    void verifyTakesThePasswordFromPgpassword() throws Exception {
        succeeds("run", "--store", locator, "--store-password-file", secret("password", PASSWORD).toString(),
                "--feed", feed(dir, "feed.csv", 20, 3).toString());

        Outcome verify = paperplaneProcess(dir, Map.of("PGPASSWORD", PASSWORD), "verify", "--store", locator);

        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("verify: ok: ");
    }

    @Test
    void verifyTakesThePasswordFromThePgpassFile() throws Exception {
        succeeds("run", "--store", locator, "--store-password-file", secret("password", PASSWORD).toString(),
                "--feed", feed(dir, "feed.csv", 20, 3).toString());
        String escaped = PASSWORD.replace("\\", "\\\\").replace(":", "\\:");
        String host = hostPortDatabase.substring(0, hostPortDatabase.lastIndexOf(':'));
        String database = hostPortDatabase.substring(hostPortDatabase.indexOf('/') + 1);
        Path pgpass = secret("pgpass", "# hostname:port:database:username:password\n"
                + "*:*:*:someone_else:wrong\n"
                + host + ":*:" + database + ":" + role + ":" + escaped + "\n");

        Outcome verify = paperplaneProcess(dir, Map.of("PGPASSFILE", pgpass.toString()), "verify", "--store", locator);

        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("verify: ok: ");
    }

    @Test
    void aPgpassFileOthersCanReadIsIgnoredWithAWarningAndTheDriverDoesNotReadItEither() throws Exception {
        assumeTrue(System.getenv("PAPERPLANE_TEST_POSTGRES_URL") == null,
                "an external test server may not check passwords");
        succeeds("run", "--store", locator, "--store-password-file", secret("password", PASSWORD).toString(),
                "--feed", feed(dir, "feed.csv", 20, 3).toString());
        Path pgpass = secret("pgpass", "*:*:*:" + role + ":" + PASSWORD.replace("\\", "\\\\").replace(":", "\\:")
                + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));

        Outcome verify = paperplaneProcess(dir, Map.of("PGPASSFILE", pgpass.toString()), "verify", "--store", locator);

        assertThat(verify.code()).isEqualTo(UserError.FAILURE);
        assertThat(verify.err()).contains(" WARNING paperplane.store: password file " + pgpass + " has group or "
                + "world access and is ignored").contains("paperplane: cannot connect to postgresql://" + role + "@")
                .contains("(no password was found: give it in a file with --store-password-file, in PGPASSWORD or in "
                        + "~/.pgpass)");
    }

    @Test
    void aPasswordInTheLocatorIsRefusedAsAUsageError() {
        Outcome verify = paperplane("verify", "--store", locator.replace(role + "@", role + ":pw@"));

        assertThat(verify.code()).isEqualTo(UserError.USAGE);
        assertThat(verify.err()).contains("it carries a password").contains("PGPASSWORD").hasLineCount(1);
    }

    @Test
    void dataAndStoreTogetherIsAUsageErrorForEveryCommand() {
        Outcome run = paperplane("run", "--data", dir.toString(), "--store", locator, "--feed", "f.csv");
        Outcome verify = paperplane("verify", "--data", dir.toString(), "--store", locator);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(List.of(run, verify)).allSatisfy(outcome -> {
            assertThat(outcome.code()).isEqualTo(UserError.USAGE);
            assertThat(outcome.err()).contains(": give --store or --data, not both");
        });
        assertThatThrownBy(() -> ObserveCommand.open(List.of("--data", dir.toString(), "--store", locator), quiet))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(UserError.USAGE))
                .hasMessage("observe: give --store or --data, not both (--data DIR is the same as --store DIR)");
    }

    @Test
    void runVerifyAndObserveOpenThePostgresStoreAndPasswordFileNamedInTheConfigurationFile() throws Exception {
        Path passwordFile = secret("password", PASSWORD + "\n");
        Path config = Files.writeString(dir.resolve("paperplane.yaml"), "paperplane:\n  store: \"" + locator + "\"\n"
                + "  store-password-file: " + passwordFile + "\n", StandardCharsets.UTF_8);

        Outcome run = succeedsWith(Map.of(), "run", "--config", config.toString(), "--feed",
                feed(dir, "feed.csv", 20, 3).toString());
        Outcome verify = succeedsWith(Map.of(), "verify", "--config", config.toString());
        Observed observed = observe(Map.of(), "--config", config.toString());

        assertThat(run.out()).contains("head seq ");
        assertThat(verify.out()).startsWith("verify: ok: " + headSeq(run) + " records");
        assertThat(observed.lastSeq()).isEqualTo(headSeq(run));
        assertThat(observed.printed()).contains("(store postgresql://" + role + "@").doesNotContain(PASSWORD);
    }

    @Test
    void runVerifyAndObserveOpenThePostgresStoreNamedByTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("PAPERPLANE_STORE", locator,
                "PAPERPLANE_STORE_PASSWORD_FILE", secret("password", PASSWORD).toString());

        Outcome run = succeedsWith(env, "run", "--feed", feed(dir, "feed.csv", 20, 3).toString());
        Outcome verify = succeedsWith(env, "verify");
        Observed observed = observe(env);

        assertThat(verify.out()).startsWith("verify: ok: " + headSeq(run) + " records");
        assertThat(observed.lastSeq()).isEqualTo(headSeq(run));
    }

    @Test
    void aPostgresStoreOnTheCommandLineWinsOverADirectoryInTheFileAndTheVariable() throws Exception {
        Path inFile = dir.resolve("in-file");
        Path inEnv = dir.resolve("in-env");
        Path config = Files.writeString(dir.resolve("paperplane.yaml"), "paperplane:\n  store: " + inFile + "\n",
                StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("PAPERPLANE_STORE", inEnv.toString());
        String passwordFile = secret("password", PASSWORD).toString();

        Outcome run = succeedsWith(env, "run", "--config", config.toString(), "--store", locator,
                "--store-password-file", passwordFile, "--feed", feed(dir, "feed.csv", 20, 3).toString());
        Outcome verify = succeedsWith(env, "verify", "--config", config.toString(), "--store", locator,
                "--store-password-file", passwordFile);
        Observed observed = observe(env, "--config", config.toString(), "--store", locator, "--store-password-file",
                passwordFile);

        assertThat(verify.out()).startsWith("verify: ok: " + headSeq(run) + " records");
        assertThat(observed.lastSeq()).isEqualTo(headSeq(run));
        assertThat(inFile).doesNotExist();
        assertThat(inEnv).doesNotExist();
    }

    /** Writes {@code content} to a file only its owner may read. */
    private Path secret(String name, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

}
