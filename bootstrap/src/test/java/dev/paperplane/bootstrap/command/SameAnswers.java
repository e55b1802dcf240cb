package dev.paperplane.bootstrap.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.application.snapshot.SnapshotInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Two observers of the same log compared resource by resource: the same status, ETag and body bytes. */
final class SameAnswers {
    static final String BASE = "/observer/v1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");
    /** The first pages of the paginated resources; each is followed through its next links. */
    private static final List<String> PAGED = List.of("/audit/events?limit=200",
            "/audit/events?type=PaperOrderFilled&limit=7", "/decisions?limit=50",
            "/decisions?instrument=AAA&strategy=ma-5-20&limit=9", "/ledger/fills?limit=20", "/snapshots?limit=2",
            "/performance/trades?limit=5", "/performance/equity?interval=1m&limit=40");

    private SameAnswers() {
    }

    /** An observer of {@code store} (a locator) on a free loopback port, as {@code observe} starts it. */
    static ObserverServer observer(String store) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return ObserveCommand.open(List.of("--store", store, "--port", "0"), quiet);
    }

    /**
     * Asserts that {@code a} and {@code b} answer every resource alike for a log with {@code head} records and
     * {@code snapshots}: the whole resources at several seqs, and every page of the paginated ones.
     */
    static void assertEveryResource(ObserverServer a, ObserverServer b, long head, List<SnapshotInfo> snapshots) {
        List<String> paths = new ArrayList<>(List.of("/runtime", "/audit/summary", "/audit/integrity",
                "/audit/events/1", "/audit/events/" + head, "/audit/events/" + (head + 1), "/decisions/summary",
                "/ledger", "/ledger?at=1", "/ledger?at=" + head / 2, "/openapi", "/performance",
                "/performance?at=" + head / 2 + "&interval=1h", "/proofs/inclusion?seq=" + head / 3,
                "/proofs/consistency?from=" + head / 4, "/log/tile/0/000.p/" + Math.min(head, 255)));
        assertThat(snapshots).isNotEmpty();
        for (SnapshotInfo snapshot : snapshots) {
            paths.add("/snapshots/" + snapshot.seq());
            paths.add("/ledger?at=" + snapshot.seq());
        }
        for (String path : paths) {
            assertSameAnswer(a, b, BASE + path);
        }
        for (String first : PAGED) {
            int pages = 0;
            for (String page = BASE + first; page != null; pages++) {
                page = next(assertSameAnswer(a, b, page));
            }
            assertThat(pages).as("pages of %s", first).isGreaterThan(1);
        }
    }

    /** GETs {@code path} from both observers, asserts the same status, ETag and body bytes; returns the body. */
    static String assertSameAnswer(ObserverServer a, ObserverServer b, String path) {
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

    /** The next link of a page, or null on the last. */
    static String next(String body) {
        Matcher next = NEXT.matcher(body);
        return next.find() ? next.group(1) : null;
    }

    static HttpResponse<byte[]> get(ObserverServer server, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
