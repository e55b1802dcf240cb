package dev.paperplane.bootstrap.command;

import static dev.paperplane.bootstrap.command.StoreFixtures.BARS;
import static dev.paperplane.bootstrap.command.StoreFixtures.config;
import static dev.paperplane.bootstrap.command.StoreFixtures.feed;
import static dev.paperplane.bootstrap.command.StoreFixtures.freshPostgres;
import static dev.paperplane.bootstrap.command.StoreFixtures.head;
import static dev.paperplane.bootstrap.command.StoreFixtures.locator;
import static dev.paperplane.bootstrap.command.StoreFixtures.run;
import static dev.paperplane.bootstrap.command.StoreFixtures.snapshots;
import static dev.paperplane.bootstrap.command.StoreFixtures.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The observer shows the same bytes whichever store holds the log: a data directory or its copy in PostgreSQL. */
class ObserverAcrossStoresTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");
    private static final String BASE = "/observer/v1";

    @TempDir
    Path dir;

    @Test
    void everyObserverBodyIsByteIdenticalFromEitherStore() throws Exception {
        StoreTarget.Directory files = new StoreTarget.Directory(dir.resolve("data"));
        run(locator(files), feed(dir, "feed.csv", BARS, 11), config(dir));
        StoreTarget.Postgres postgres = freshPostgres();
        succeeds("copy", "--from", locator(files), "--to", locator(postgres));
        long head = head(files).seq();
        List<String> paths = new ArrayList<>(List.of("/runtime", "/audit/summary", "/audit/integrity",
                "/audit/events/1", "/audit/events/" + head, "/audit/events/" + (head + 1), "/decisions/summary",
                "/ledger", "/ledger?at=1", "/ledger?at=" + head / 2, "/openapi"));
        List<SnapshotInfo> snapshots = snapshots(files);
        assertThat(snapshots).isNotEmpty();
        for (SnapshotInfo snapshot : snapshots) {
            paths.add("/snapshots/" + snapshot.seq());
            paths.add("/ledger?at=" + snapshot.seq());
        }

        ObserverServer fromFiles = observe(locator(files));
        ObserverServer fromPostgres = observe(locator(postgres));
        try {
            for (String path : paths) {
                assertSameAnswer(fromFiles, fromPostgres, BASE + path);
            }
            for (String first : List.of("/audit/events?limit=200", "/audit/events?type=PaperOrderFilled&limit=7",
                    "/decisions?limit=50", "/decisions?instrument=AAA&strategy=ma-5-20&limit=9",
                    "/ledger/fills?limit=20", "/snapshots?limit=2")) {
                int pages = 0;
                for (String page = BASE + first; page != null; pages++) {
                    page = next(assertSameAnswer(fromFiles, fromPostgres, page));
                }
                assertThat(pages).as("pages of %s", first).isGreaterThan(1);
            }
        } finally {
            fromFiles.stop();
            fromPostgres.stop();
        }
    }

    private ObserverServer observe(String store) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return ObserveCommand.open(List.of("--store", store, "--port", "0"), quiet);
    }

    /** GETs {@code path} from both observers, asserts the same status, ETag and body bytes; returns the body. */
    private static String assertSameAnswer(ObserverServer a, ObserverServer b, String path) throws IOException,
            InterruptedException {
        HttpResponse<byte[]> first = get(a, path);
        HttpResponse<byte[]> second = get(b, path);
        assertThat(second.statusCode()).as("status of %s", path).isEqualTo(first.statusCode());
        String body = new String(first.body(), StandardCharsets.UTF_8);
        assertThat(new String(second.body(), StandardCharsets.UTF_8)).as("body of %s", path).isEqualTo(body);
        assertThat(second.body()).as("bytes of %s", path).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag")).as("ETag of %s", path)
                .isEqualTo(first.headers().firstValue("ETag"));
        return body;
    }

    private static String next(String body) {
        Matcher next = NEXT.matcher(body);
        return next.find() ? next.group(1) : null;
    }

    private static HttpResponse<byte[]> get(ObserverServer server, String path) throws IOException,
            InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
