package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.adapters.observer.ObserverSettings;
import dev.paperplane.bootstrap.store.OpenedStore;
import dev.paperplane.bootstrap.store.StoreOpener;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /performance} over a real file-store log gives the same bytes whether the observer's reader starts at a
 * snapshot, replays from genesis (the same segments, no snapshot), or catches up request by request while the log
 * grows, and {@code ?at=} (folded from a checkpoint) agrees across all three.
 */
class PerformanceAcrossStartsTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private final List<ObserverServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(ObserverServer::stop);
    }

    @Test
    void theFiguresAreTheSameFromASnapshotFromGenesisAndCaughtUpRequestByRequest() throws IOException {
        Path data = dir.resolve("data");
        Path feed = Fixtures.feed(dir.resolve("feed.csv"), 700, "AAA,BBB", 7);
        Path config = Fixtures.config(dir.resolve("config.yaml"), "snapshot-every: 10000", "snapshot-every: 400");
        Cli.ok("run", "--data", data, "--feed", feed, "--config", config);
        Path genesis = segmentsOnly(data, dir.resolve("genesis"));
        Path growing = segmentsOnly(data, dir.resolve("growing"));
        List<Path> segments = segments(data);
        assertThat(segments).hasSize(1);
        List<String> lines = Files.readAllLines(segments.getFirst(), StandardCharsets.UTF_8);
        assertThat(lines.size()).as("events, more than the first checkpoint's seq").isGreaterThan(1100);
        Path growingSegment = growing.resolve("audit").resolve(segments.getFirst().getFileName());
        Files.write(growingSegment, lines.subList(0, 1), StandardCharsets.UTF_8);

        ObserverServer following = start(growing);
        for (int from = 1; from < lines.size(); from += 97) {
            get(following, "/observer/v1/performance");
            try (OutputStream out = Files.newOutputStream(growingSegment, StandardOpenOption.APPEND)) {
                for (String line : lines.subList(from, Math.min(lines.size(), from + 97))) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        try (Stream<Path> snapshots = Files.list(data.resolve("snapshots"))) {
            assertThat(snapshots.count()).as("snapshots the first observer's reader starts at").isPositive();
        }
        // ?at= below and above the first checkpoint (seq 1,024), and just below the head
        List<String> paths = List.of("/observer/v1/performance", "/observer/v1/performance?interval=1h",
                "/observer/v1/performance?at=401", "/observer/v1/performance?at=1100",
                "/observer/v1/performance?at=" + (lines.size() - 2), "/observer/v1/performance/trades?limit=1000",
                "/observer/v1/performance/equity?interval=5m&limit=1000");

        List<String> fromSnapshot = bodies(start(data), paths);
        assertThat(bodies(start(genesis), paths)).isEqualTo(fromSnapshot);
        assertThat(bodies(following, paths)).isEqualTo(fromSnapshot);
        assertThat(fromSnapshot).allSatisfy(body -> assertThat(body).startsWith("200 "));
    }

    private ObserverServer start(Path data) {
        OpenedStore.Reading store = StoreOpener.openReader(new StoreTarget.Directory(data));
        ObserverServer server = ObserverServer.start(new ObserverSettings("127.0.0.1", 0,
                ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES, "test"), store.log(), store.snapshots());
        servers.add(server);
        return server;
    }

    private static List<String> bodies(ObserverServer server, List<String> paths) {
        return paths.stream().map(path -> {
            HttpResponse<String> response = get(server, path);
            return response.statusCode() + " " + response.body();
        }).toList();
    }

    /** A data directory with copies of {@code data}'s segments and no snapshot. */
    private static Path segmentsOnly(Path data, Path copy) throws IOException {
        Files.createDirectories(copy.resolve("audit"));
        Files.createDirectories(copy.resolve("snapshots"));
        for (Path segment : segments(data)) {
            Files.copy(segment, copy.resolve("audit").resolve(segment.getFileName()));
        }
        return copy;
    }

    private static List<Path> segments(Path data) throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("audit"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    private static HttpResponse<String> get(ObserverServer server, String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
