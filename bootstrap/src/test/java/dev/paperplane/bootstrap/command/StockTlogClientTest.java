package dev.paperplane.bootstrap.command;

import static dev.paperplane.bootstrap.command.StoreFixtures.config;
import static dev.paperplane.bootstrap.command.StoreFixtures.feed;
import static dev.paperplane.bootstrap.command.StoreFixtures.head;
import static dev.paperplane.bootstrap.command.StoreFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.observer.LogSigning;
import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.adapters.observer.ObserverSettings;
import dev.paperplane.application.tlog.NoteKeys;
import dev.paperplane.bootstrap.Cli;
import dev.paperplane.bootstrap.ChildJvm;
import dev.paperplane.bootstrap.ExternalProgram;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stock tlog-tiles client reads the observer: bootstrap/src/test/go/tlogtiles, built on the Go checksum
 * database's own packages (golang.org/x/mod/sumdb/note and tlog) and no code of ours, verifies the signed
 * checkpoint, authenticates every tile it reads against it, checks every entry bundle and the observer's JSON
 * proofs, and fails on a log rewritten or cut below a checkpoint it kept. Needs Go and Debian's
 * golang-golang-x-mod-dev (installed by .ci/run); skipped without them except on CI.
 */
class StockTlogClientTest {
    private static final String ORIGIN = "example.org/paperplane";
    private static final int BARS = 300;

    @TempDir
    Path dir;

    private ExternalProgram client;
    private Path signerKey;
    private String verifierKey;
    /** A log of one session, and the checkpoint the observer served for it. */
    private Path early;
    private Path kept;
    /** The same log grown by a second, longer session. */
    private Path grown;

    @BeforeEach
    void theGoClientALogAndACheckpointKeptFromIt() throws Exception {
        ExternalProgram.GO.require("the stock tlog-tiles client (golang.org/x/mod/sumdb/tlog)");
        Path binary = dir.resolve("tlogtiles");
        Cli.Result build = ExternalProgram.GO.run("build", "-o", binary.toString(),
                ExternalProgram.repositoryRoot().resolve("bootstrap/src/test/go/tlogtiles/main.go").toString());
        assertThat(build.exitCode()).as(build.toString()).isZero();
        client = new ExternalProgram(binary.toString(), List.of(), "go build", Map.of(), ChildJvm.BOUND_SECONDS);

        signerKey = dir.resolve("log.key");
        verifierKey = Cli.ok("keygen", "--name", ORIGIN, "--out", signerKey).out().lines().toList().getLast();
        Path config = config(dir);
        early = dir.resolve("early");
        run(early.toString(), feed(dir, "short.csv", BARS / 2, 11), config);
        try (ObserverServer observer = observe(early)) {
            kept = Files.write(dir.resolve("kept.checkpoint"), HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base(observer) + "/checkpoint")).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
        }
        grown = dir.resolve("grown");
        TamperedLogs.copyDir(early, grown);
        run(grown.toString(), feed(dir, "long.csv", BARS, 11), config);
    }

    @Test
    void theGoPackagesVerifyTheCheckpointEveryTileAndEntryAndTheServedProofs() throws Exception {
        long size = head(new StoreTarget.Directory(grown)).seq();
        assertThat(size).as("level-0 tiles full and partial, a partial level-1 tile").isGreaterThan(512);
        try (ObserverServer observer = observe(grown)) {
            Cli.Result check = client.run(base(observer), verifierKey);
            assertThat(check.exitCode()).as(check.toString()).isZero();
            assertThat(check.out()).startsWith("ok: " + ORIGIN + " size " + size + " ")
                    .contains(size + " entries, ");
        }
    }

    @Test
    void aLogThatOnlyGrewExtendsTheKeptCheckpoint() throws Exception {
        try (ObserverServer observer = observe(grown)) {
            Cli.Result check = client.run(base(observer), verifierKey, kept.toString());
            assertThat(check.exitCode()).as(check.toString()).isZero();
            assertThat(check.out()).contains("it extends the kept checkpoint");
        }
    }

    @Test
    void aRecordRewrittenWithTheChainRecomputedFailsAgainstTheKeptCheckpoint() throws Exception {
        Path rewritten = TamperedLogs.resealed(grown, dir.resolve("rewritten"), TamperedLogs::twoBarsSwapped);
        Cli.ok("verify", "--data", rewritten);
        try (ObserverServer observer = observe(rewritten)) {
            assertThat(client.run(base(observer), verifierKey).exitCode())
                    .as("the rewritten log alone is a well-formed log").isZero();
            Cli.Result check = client.run(base(observer), verifierKey, kept.toString());
            assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
            assertThat(check.err()).contains("FAILED: the log was rewritten");
        }
    }

    @Test
    void aLogCutBelowTheKeptCheckpointFails() throws Exception {
        Path truncated = TamperedLogs.resealed(grown, dir.resolve("truncated"), events -> events.subList(0, 100));
        try (ObserverServer observer = observe(truncated)) {
            Cli.Result check = client.run(base(observer), verifierKey, kept.toString());
            assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
            assertThat(check.err()).contains("FAILED: the log shrank").contains("served one size 100 ");
        }
    }

    @Test
    void aCheckpointSignedWithAnotherKeyOfTheSameNameFails() throws Exception {
        String otherKey = Cli.ok("keygen", "--name", ORIGIN, "--out", dir.resolve("other.key")).out().lines().toList()
                .getLast();
        try (ObserverServer observer = observe(grown)) {
            Cli.Result check = client.run(base(observer), otherKey);
            assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
            assertThat(check.err()).contains("FAILED: the served checkpoint");
        }
    }

    private ObserverServer observe(Path data) throws IOException {
        NoteKeys.Signer signer = NoteKeys.parseSigner(Files.readString(signerKey));
        return ObserveCommand.start(new StoreTarget.Directory(data), new ObserverSettings("127.0.0.1", 0,
                ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES, "test"), new LogSigning(Optional.of(ORIGIN), Optional.of(signer)));
    }

    private static String base(ObserverServer observer) {
        return "http://127.0.0.1:" + observer.port() + "/observer/v1/log";
    }
}
