package dev.paperplane.bootstrap.command;

import static dev.paperplane.bootstrap.command.StoreFixtures.config;
import static dev.paperplane.bootstrap.command.StoreFixtures.feed;
import static dev.paperplane.bootstrap.command.StoreFixtures.freshPostgres;
import static dev.paperplane.bootstrap.command.StoreFixtures.locator;
import static dev.paperplane.bootstrap.command.StoreFixtures.run;
import static dev.paperplane.bootstrap.command.StoreFixtures.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.observer.LogSigning;
import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.adapters.observer.ObserverSettings;
import dev.paperplane.application.tlog.Checkpoint;
import dev.paperplane.application.tlog.NoteKeys;
import dev.paperplane.application.tlog.SignedNote;
import dev.paperplane.bootstrap.Cli;
import dev.paperplane.bootstrap.store.StoreTarget;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.MarketBarObserved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clients that trust nobody: {@code verify --checkpoint} and {@code log check} catch a log cut short, a middle
 * record deleted and a record rewritten, each with the chain recomputed and the snapshots gone (which plain
 * {@code verify} cannot tell from an intact log), on the file store and on PostgreSQL; growth alone passes.
 */
class TransparencyLogClientsTest {
    private static final int BARS = 120;

    @TempDir
    Path dir;

    private Path config;
    private Path signerKey;
    private String verifierKey;
    /** The log after its first session, and the checkpoint saved from it. */
    private Path early;
    private Path checkpoint;
    /** The same log grown by a second, longer feed. */
    private Path grown;

    @BeforeEach
    void aLogACheckpointOfItAndTheLogGrown() throws IOException {
        config = config(dir);
        signerKey = dir.resolve("checkpoint.key");
        Cli.Result keygen = Cli.ok("keygen", "--name", "example.org/paperplane", "--out", signerKey);
        List<String> printed = keygen.out().lines().toList();
        verifierKey = printed.getLast();
        early = dir.resolve("early");
        run(early.toString(), feed(dir, "short.csv", BARS / 2, 7), config);
        checkpoint = dir.resolve("kept.checkpoint");
        try (ObserverServer observer = observe(new StoreTarget.Directory(early))) {
            Cli.ok("log", "check", "--url", url(observer), "--key", verifierKey, "--keep", checkpoint);
        }
        grown = dir.resolve("grown");
        TamperedLogs.copyDir(early, grown);
        run(grown.toString(), feed(dir, "long.csv", BARS, 7), config);
    }

    @Test
    void keygenWritesAnOwnerOnlySignerKeyAndPrintsTheVerifierKeyLast() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(signerKey))).isEqualTo("rw-------");
        NoteKeys.Signer signer = NoteKeys.parseSigner(Files.readString(signerKey));
        assertThat(signer.verifierKey()).isEqualTo(verifierKey);
        Cli.Result again = Cli.run("keygen", "--name", "example.org/paperplane", "--out", signerKey);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void aLogThatOnlyGrewPassesBothClientsAndTheKeptCheckpointAdvances() throws IOException {
        String before = Files.readString(checkpoint);
        assertThat(Cli.ok("verify", "--data", grown, "--checkpoint", checkpoint, "--key", verifierKey).out())
                .contains("the log holds the tree of the checkpoint");
        try (ObserverServer observer = observe(new StoreTarget.Directory(grown))) {
            Cli.Result check = Cli.ok("log", "check", "--url", url(observer), "--key", verifierKey, "--keep", checkpoint);
            assertThat(check.out()).contains("consistent with the kept checkpoint");
        }
        assertThat(Files.readString(checkpoint)).isNotEqualTo(before);
        StoreTarget.Postgres postgres = freshPostgres();
        succeeds("copy", "--from", grown.toString(), "--to", locator(postgres));
        Cli.ok("verify", "--store", locator(postgres), "--checkpoint", checkpoint, "--key", verifierKey);
    }

    @Test
    void aTruncatedLogIsCaughtOnBothStores() throws IOException {
        long kept = Checkpoint.parse(SignedNote.textOf(Files.readString(checkpoint))).size();
        Path truncated = tampered("truncated", events -> events.subList(0, (int) kept - 5));
        assertCaught(new StoreTarget.Directory(truncated), "fewer than", "shrank");
        assertCaught(onPostgres(truncated), "fewer than", "shrank");
    }

    @Test
    void aMiddleRecordDeletedWithTheChainRecomputedIsCaughtOnBothStores() throws IOException {
        Path deleted = tampered("deleted", events -> {
            List<AuditEvent> out = new ArrayList<>(events);
            int i = events.size() / 3;
            while (!(out.get(i) instanceof MarketBarObserved && out.get(i + 1) instanceof MarketBarObserved)) {
                i++;
            }
            out.remove(i);
            return out;
        });
        assertCaught(new StoreTarget.Directory(deleted), "were changed, removed or inserted", "not an extension");
        assertCaught(onPostgres(deleted), "were changed, removed or inserted", "not an extension");
    }

    @Test
    void aRecordRewrittenWithTheChainRecomputedIsCaughtOnBothStores() throws IOException {
        Path rewritten = tampered("rewritten", TamperedLogs::twoBarsSwapped);
        assertCaught(new StoreTarget.Directory(rewritten), "were changed, removed or inserted", "not an extension");
        assertCaught(onPostgres(rewritten), "were changed, removed or inserted", "not an extension");
    }

    /** Plain verify passes the tampered log; both clients catch it, and the kept checkpoint stays as it was. */
    private void assertCaught(StoreTarget store, String verifyMessage, String checkMessage) throws IOException {
        String kept = Files.readString(checkpoint);
        Cli.ok("verify", "--store", locator(store));
        Cli.Result verify = Cli.run("verify", "--store", locator(store), "--checkpoint", checkpoint, "--key",
                verifierKey);
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(1);
        assertThat(verify.err()).contains(verifyMessage).contains("FAILED");
        try (ObserverServer observer = observe(store)) {
            Cli.Result check = Cli.run("log", "check", "--url", url(observer), "--key", verifierKey, "--keep",
                    checkpoint);
            assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
            assertThat(check.err()).contains(checkMessage).contains("kept checkpoint size")
                    .contains("left as it was");
        }
        assertThat(Files.readString(checkpoint)).isEqualTo(kept);
    }

    /** The grown log with its events changed by {@code change}, resealed from genesis, snapshots removed. */
    private Path tampered(String name, UnaryOperator<List<AuditEvent>> change) throws IOException {
        return TamperedLogs.resealed(grown, dir.resolve(name), change);
    }

    private static StoreTarget onPostgres(Path data) {
        StoreTarget.Postgres postgres = freshPostgres();
        succeeds("copy", "--from", data.toString(), "--to", locator(postgres));
        return postgres;
    }

    private ObserverServer observe(StoreTarget store) throws IOException {
        NoteKeys.Signer signer = NoteKeys.parseSigner(Files.readString(signerKey));
        return ObserveCommand.start(store, new ObserverSettings("127.0.0.1", 0,
                ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES, "test"), new LogSigning(Optional.empty(), Optional.of(signer)));
    }

    private static String url(ObserverServer observer) {
        return "http://127.0.0.1:" + observer.port() + "/observer/v1/log";
    }
}
