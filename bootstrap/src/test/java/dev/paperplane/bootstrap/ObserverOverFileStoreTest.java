package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.adapters.observer.ObserverSettings;
import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreWriter;
import dev.paperplane.bootstrap.store.OpenedStore;
import dev.paperplane.bootstrap.store.StoreOpener;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The observer over a real file-store data directory, as {@code paperplane observe} serves it: passive (the
 * directory's bytes are identical before and after any amount of observing, and it holds no lock) and safe under
 * restart (another observer, or the same one restarted, answers byte-identical bodies).
 */
class ObserverOverFileStoreTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    @TempDir
    Path dir;
    private Path data;
    private final List<ObserverServer> servers = new ArrayList<>();

    @BeforeEach
    void runASessionAndMakeTheDataDirectoryReadOnly() throws IOException {
        data = dir.resolve("data");
        Path feed = Fixtures.feed(dir.resolve("feed.csv"), 300, "AAA,BBB", 7);
        Path config = Fixtures.config(dir.resolve("config.yaml"), "snapshot-every: 10000", "snapshot-every: 400");
        assertThat(Cli.run("run", "--data", data, "--feed", feed, "--config", config).exitCode()).isZero();
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
    }

    @AfterEach
    void stopServersAndRestorePermissions() throws IOException {
        servers.forEach(ObserverServer::stop);
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    @Test
    void observingEveryResourceWithEveryMethodLeavesTheDataDirectoryByteForByteAsItWas() {
        SortedMap<String, String> before = DataDirs.checksums(data);
        List<String> entriesBefore = entries(data);
        ObserverServer server = start();

        for (String path : paths()) {
            for (String method : METHODS) {
                int status = send(server, method, path).statusCode();
                assertThat(status).as("%s %s", method, path).isLessThan(500);
            }
        }
        walkAllEvents(server);
        server.stop();

        assertThat(DataDirs.checksums(data)).isEqualTo(before);
        assertThat(entries(data)).isEqualTo(entriesBefore);
    }

    @Test
    void theObserverHoldsNoLockSoAWriterCanOpenTheDirectoryWhileItServes() throws IOException {
        ObserverServer server = start();
        assertThat(send(server, "GET", "/observer/v1/ledger").statusCode()).isEqualTo(200);
        restoreWritePermissions();

        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            assertThat(writer.head().seq()).isPositive();
        }
    }

    @Test
    void aRestartedObserverAndASecondObserverAnswerByteIdenticalBodies() {
        ObserverServer first = start();
        SortedMap<String, String> bodies = bodies(first);
        ObserverServer second = start();
        first.stop();
        ObserverServer restarted = start();

        assertThat(bodies(second)).isEqualTo(bodies);
        assertThat(bodies(restarted)).isEqualTo(bodies);
        assertThat(bodies.values()).allSatisfy(body -> assertThat(body).isNotBlank());
    }

    private ObserverServer start() {
        OpenedStore.Reading store = StoreOpener.openReader(new StoreTarget.Directory(data));
        ObserverServer server = ObserverServer.start(new ObserverSettings("127.0.0.1", 0,
                ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES, "test"), store.log(), store.snapshots());
        servers.add(server);
        return server;
    }

    private List<String> paths() {
        List<String> paths = new ArrayList<>();
        long snapshot;
        try (OpenedStore.Reading store = StoreOpener.openReader(new StoreTarget.Directory(data))) {
            snapshot = store.snapshots().list().get(0).seq();
        }
        for (String template : ObserverServer.resourcePaths()) {
            paths.add(template.replace("{seq}", template.contains("snapshots") ? Long.toString(snapshot) : "3")
                    .replace("{path}", "0/000.p/3"));
        }
        paths.add("/observer/v1/log/tile/entries/000.p/3");
        paths.add("/observer/v1/log/tile/1/000.p/1");
        paths.add("/observer/v1/proofs/inclusion?seq=3&size=7");
        paths.add("/observer/v1/proofs/consistency?from=3&to=7");
        paths.add("/observer/v1/ledger?at=50");
        paths.add("/observer/v1/audit/events?after=100&limit=7&type=PaperOrderFilled");
        paths.add("/observer/v1/decisions?strategy=ma-5-20&limit=3");
        paths.add("/observer/v2/ledger");
        paths.add("/observer/v1/snapshots/..%2F..%2Fetc%2Fpasswd");
        paths.add("/observe/health/live");
        paths.add("/observe/health/ready");
        return paths;
    }

    private SortedMap<String, String> bodies(ObserverServer server) {
        SortedMap<String, String> bodies = new TreeMap<>();
        for (String path : paths()) {
            if (path.startsWith("/observer/v1/") && !path.contains("%2F")) {
                HttpResponse<String> response = send(server, "GET", path);
                bodies.put(path, response.statusCode() + " " + response.headers().firstValue("ETag").orElse("") + " "
                        + response.body());
            }
        }
        return bodies;
    }

    private static void walkAllEvents(ObserverServer server) {
        String next = "/observer/v1/audit/events?limit=250";
        int pages = 0;
        while (next != null && pages++ < 1_000) {
            HttpResponse<String> page = send(server, "GET", next);
            assertThat(page.statusCode()).isEqualTo(200);
            int at = page.body().lastIndexOf("\"next\":\"");
            next = at < 0 ? null : page.body().substring(at + 8, page.body().indexOf('"', at + 8));
        }
        assertThat(pages).isGreaterThan(1);
    }

    private static HttpResponse<String> send(ObserverServer server, String method, String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> entries(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.map(p -> root.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void restoreWritePermissions() throws IOException {
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
