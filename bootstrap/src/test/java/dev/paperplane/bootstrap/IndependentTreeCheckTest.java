package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.observer.LogSigning;
import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.adapters.observer.ObserverSettings;
import dev.paperplane.application.tlog.NoteKeys;
import dev.paperplane.bootstrap.store.OpenedStore;
import dev.paperplane.bootstrap.store.StoreOpener;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transparency-log check printed in docs/data-formats.md, run as it stands against a store the runtime wrote
 * and the checkpoint and proofs an observer served: the docs give the tree exactly enough for a program with no
 * code of ours.
 */
class IndependentTreeCheckTest {
    private static final Pattern PYTHON_BLOCK = Pattern.compile("(?s)```python\\n(.*?)```");

    @TempDir
    Path dir;

    private Path script;
    private Path data;
    private final List<String> files = new ArrayList<>();

    @BeforeEach
    void scriptFromTheDocsAStoreAndWhatAnObserverServed() throws Exception {
        ExternalProgram.PYTHON.require("the independent tree check of docs/data-formats.md");
        String docs = Files.readString(ExternalProgram.repositoryRoot().resolve("docs/data-formats.md"), StandardCharsets.UTF_8);
        Matcher block = PYTHON_BLOCK.matcher(docs);
        String tree = null;
        while (block.find()) {
            if (block.group(1).contains("def mth")) {
                tree = block.group(1);
            }
        }
        assertThat(tree).as("the ```python tree check in docs/data-formats.md").isNotNull();
        script = Files.writeString(dir.resolve("tree.py"), tree, StandardCharsets.UTF_8);
        Path feed = Fixtures.feed(dir.resolve("feed.csv"), 150, "AAA,BBB", 3);
        Path smallSegments = Fixtures.config(dir.resolve("config.yaml"), "segment-bytes: 67108864", "segment-bytes: 8192");
        data = dir.resolve("data");
        Cli.ok("run", "--data", data, "--feed", feed, "--config", smallSegments);
        NoteKeys.Signer signer = NoteKeys.parseSigner(NoteKeys.generate("example.org/log", new SecureRandom().generateSeed(32)).signerKey());
        try (OpenedStore.Reading store = StoreOpener.openReader(new StoreTarget.Directory(data));
             ObserverServer observer = ObserverServer.start(new ObserverSettings("127.0.0.1", 0,
                     ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES, "test"), store.log(), store.snapshots(),
                     new LogSigning(Optional.empty(), Optional.of(signer)))) {
            files.add(fetch(observer, "/observer/v1/log/checkpoint", "checkpoint").toString());
            long size = store.log().head().seq();
            assertThat(size).as("more than one tile").isGreaterThan(256);
            for (long seq : List.of(1L, 2L, 77L, 256L, 257L, size)) {
                files.add(fetch(observer, "/observer/v1/proofs/inclusion?seq=" + seq, "proof-" + seq + ".json")
                        .toString());
            }
        }
    }

    @Test
    void thePythonCheckFromTheDocsFindsTheCheckpointsTreeAndVerifiesTheInclusionProofs() throws Exception {
        List<String> args = new ArrayList<>(List.of(script.toString(), data.toString()));
        args.addAll(files);
        Cli.Result result = ExternalProgram.PYTHON.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("size " + (Files.readString(Path.of(files.getFirst())).split("\n")[1])
                + " holds; 6 inclusion proofs verified");
    }

    @Test
    void thePythonCheckFromTheDocsRejectsALogCutBelowTheCheckpoint() throws Exception {
        Path last;
        try (var segments = Files.list(data.resolve("audit"))) {
            last = segments.sorted().toList().getLast();
        }
        Files.delete(last);
        Cli.Result result = ExternalProgram.PYTHON.run(script.toString(), data.toString(), files.getFirst());
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("the log does not hold the tree of checkpoint");
    }

    private Path fetch(ObserverServer observer, String path, String name) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + observer.port() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Files.write(dir.resolve(name), response.body());
    }
}
