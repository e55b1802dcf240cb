package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.adapters.observer.ObserverSettings;
import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreReader;
import dev.paperplane.application.replay.Replay;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.bootstrap.store.OpenedStore;
import dev.paperplane.bootstrap.store.StoreOpener;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A file named as the newest snapshot that must not be read whole (a sparse 1 GiB file with a valid header) or at all
 * (a FIFO, which blocks whoever opens it for reading): {@code verify} reports it as damage, {@code run} starts from
 * the next older snapshot, and the observer's data endpoints and readiness answer as they did before, on every request.
 * The timeout only turns a hang (the FIFO opened) into a failure.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DamagedSnapshotFileTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final List<String> PATHS = List.of("/observer/v1/ledger", "/observer/v1/decisions/summary",
            "/observer/v1/audit/summary", "/observe/health/ready");

    /** What sits where the newest snapshot was. */
    enum Damage {
        SPARSE_GIBIBYTE("too large: "),
        FIFO("not a regular file but a special file (FIFO, socket or device)");

        final String problem;

        Damage(String problem) {
            this.problem = problem;
        }
    }

    @org.junit.jupiter.api.io.TempDir
    Path dir;
    private Path data;
    private Path feed;
    private Path config;
    private final List<ObserverServer> servers = new ArrayList<>();

    @BeforeEach
    void runWithSeveralSnapshots() {
        data = dir.resolve("data");
        feed = Fixtures.feed(dir.resolve("feed.csv"), 300, "AAA,BBB", 7);
        config = Fixtures.config(dir.resolve("config.yaml"), "snapshot-every: 10000", "snapshot-every: 400");
        Cli.ok("run", "--data", data, "--feed", feed, "--config", config);
    }

    @AfterEach
    void stopServers() {
        servers.forEach(ObserverServer::stop);
    }

    private Path newestSnapshot() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("snapshots"))) {
            return files.max(Path::compareTo).orElseThrow();
        }
    }

    private static void plant(Damage damage, Path file, long seq) throws IOException, InterruptedException {
        Files.delete(file);
        if (damage == Damage.FIFO) {
            assertThat(new ProcessBuilder("mkfifo", file.toString()).inheritIO().start().waitFor()).isZero();
            return;
        }
        long stateBytes = 1L << 30;
        byte[] header = ("{\"schemaVersion\":1,\"seq\":" + seq + ",\"chainHash\":\"" + "ab".repeat(32)
                + "\",\"checksum\":\"" + "ab".repeat(32) + "\",\"stateBytes\":" + stateBytes + "}\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.write(header);
            sparse.setLength(header.length + stateBytes + 1);
            sparse.seek(header.length + stateBytes);
            sparse.write('\n');
        }
    }

    private List<String> answers() {
        OpenedStore.Reading store = StoreOpener.openReader(new StoreTarget.Directory(data));
        ObserverServer server = ObserverServer.start(new ObserverSettings("127.0.0.1", 0,
                ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES, "test"), store.log(), store.snapshots());
        servers.add(server);
        List<String> answers = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (String path : PATHS) {
                HttpResponse<String> response = get(server, path);
                answers.add(path + " " + response.statusCode() + " " + response.body());
            }
        }
        return answers;
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void verifyReportsItRunStartsFromTheNextOlderSnapshotAndTheObserverAnswersAsBefore(Damage damage)
            throws Exception {
        List<String> before = answers();
        Path newest = newestSnapshot();
        long seq = Long.parseLong(newest.getFileName().toString().replaceAll("\\D", ""));
        plant(damage, newest, seq);

        Cli.Result verify = Cli.run("verify", "--data", data);
        assertThat(verify.exitCode()).as(verify.toString()).isOne();
        assertThat(verify.err()).contains("verify: snapshot at seq " + seq + ": " + damage.problem);

        Cli.Result run = Cli.run("run", "--data", data, "--feed", feed, "--config", config);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("0 events appended");
        FileStoreReader reader = FileStore.openReader(data);
        List<String> warnings = new ArrayList<>();
        ReplayedState start = new Replay(reader, reader, warnings::add).toHead();
        assertThat(warnings).singleElement().asString().startsWith("snapshot at seq " + seq + " skipped: "
                + damage.problem);
        assertThat(start.fromSnapshotSeq()).isPositive().isLessThan(seq);

        assertThat(answers()).isEqualTo(before).allSatisfy(answer -> assertThat(answer).contains(" 200 "));
    }

    private static HttpResponse<String> get(ObserverServer server, String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
