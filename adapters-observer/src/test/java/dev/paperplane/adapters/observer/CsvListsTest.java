package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.decision.Action;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The paginated lists as RFC 4180 CSV, from a running observer over a session log, read back with commons-csv:
 * the same rows as the JSON items, the same pages, limits and truncation, told apart by their entity tags.
 */
class CsvListsTest {
    private static final String V1 = "/observer/v1";
    private static final String CSV_TYPE = "text/csv; charset=utf-8; header=present";
    private static final String AWKWARD_REASON = "up, \"sharply\"\r\nthen flat";

    /** Every list and its documented columns, in order. */
    private static final Map<String, List<String>> COLUMNS = columns();

    private InMemoryStore store;
    private StoredSnapshots snapshots;
    private ObserverServer server;
    private Client client;

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put(V1 + "/audit/events", List.of("seq", "type", "time", "hash", "payload"));
        columns.put(V1 + "/decisions", List.of("seq", "time", "strategyId", "strategyVersion", "instrument",
                "action", "quantity", "reason", "indicators"));
        columns.put(V1 + "/ledger/fills", List.of("seq", "time", "strategyId", "instrument", "side", "quantity",
                "price", "notional", "fee"));
        columns.put(V1 + "/snapshots", List.of("seq", "chainHash", "schemaVersion", "checksum", "sizeBytes", "valid",
                "problem"));
        columns.put(V1 + "/performance/trades", List.of("strategy", "instrument", "side", "quantity", "openSeq",
                "openTime", "closeSeq", "closeTime", "entryPrice", "exitPrice", "grossPnl", "fees", "netPnl",
                "holdingSeconds"));
        columns.put(V1 + "/performance/equity", List.of("time", "seq", "equity", "peak", "drawdown"));
        return columns;
    }

    /**
     * A 40-bar session; then ma-fast sells its 16 and makes one more round trip (two trips), and decides once with a
     * reason and indicators that need quoting. Snapshots at seq 20 (valid) and 30 (damaged).
     */
    @BeforeEach
    void start() {
        store = Logs.session(40);
        store.append(Logs.fillAt(41, Action.SELL, "16"));
        store.append(Logs.fillAt(42, Action.BUY, "2"));
        store.append(Logs.fillAt(43, Action.SELL, "2"));
        MarketBarObserved bar = SampleEvents.bar(44);
        TreeMap<String, BigDecimal> indicators = new TreeMap<>(Map.of("fastMa", SampleEvents.d("100.5"),
                "slowMa", SampleEvents.d("99.25")));
        store.append(List.of(bar, new DecisionRecorded(bar.time(), "ma-fast", 1, "ACME", Action.BUY,
                SampleEvents.d("2"), AWKWARD_REASON, indicators)));
        snapshots = new StoredSnapshots();
        snapshots.store(StoredSnapshots.at(store, 20));
        snapshots.store(StoredSnapshots.at(store, 30));
        snapshots.damage(30);
        server = start(ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES);
    }

    private ObserverServer start(long maxResponseBytes) {
        ObserverServer started = ObserverServer.start(new ObserverSettings("127.0.0.1", 0, maxResponseBytes,
                "test-1"), store, snapshots);
        client = new Client(started.port());
        return started;
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** A CSV body read with its header row. */
    private record Table(List<String> header, List<CSVRecord> rows) {
    }

    private static Table parse(String body) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            List<CSVRecord> rows = parser.getRecords();
            return new Table(parser.getHeaderNames(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
        return response;
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElseThrow();
    }

    /** The text a CSV field holds for a JSON value: a nested value compared as JSON, so its text is parsed back. */
    private static void assertFieldIsTheJsonValue(String field, JsonValue json, String what) {
        switch (json.getValueType()) {
            case STRING -> assertThat(field).as(what).isEqualTo(((jakarta.json.JsonString) json).getString());
            case NUMBER, TRUE, FALSE -> assertThat(field).as(what).isEqualTo(json.toString());
            case NULL -> assertThat(field).as(what).isEmpty();
            case OBJECT, ARRAY -> assertThat(Client.parse(field)).as(what).isEqualTo(json);
        }
    }

    @Test
    void everyListAsCsvIsItsHeaderRowThenOneRowPerJsonItemHoldingTheSameValues() {
        for (Map.Entry<String, List<String>> list : COLUMNS.entrySet()) {
            String path = list.getKey() + "?limit=1000";
            JsonArray items = client.json(path).getJsonArray("items");
            HttpResponse<String> csv = ok(client.get(path + "&format=csv"));

            Table table = parse(csv.body());

            assertThat(contentType(csv)).as(path).isEqualTo(CSV_TYPE);
            assertThat(table.header()).as(path).isEqualTo(list.getValue());
            assertThat(items).as(path).isNotEmpty();
            assertThat(table.rows()).as(path).hasSameSizeAs(items);
            for (int i = 0; i < items.size(); i++) {
                JsonObject item = items.getJsonObject(i);
                CSVRecord row = table.rows().get(i);
                assertThat(item.keySet()).as(path).containsExactlyInAnyOrderElementsOf(table.header());
                for (String column : table.header()) {
                    assertFieldIsTheJsonValue(row.get(column), item.get(column), path + " row " + i + " " + column);
                }
            }
        }
    }

    @Test
    void fieldsWithCommasQuotesAndLineBreaksAreQuotedAndEveryRecordEndsWithCrLf() {
        String body = ok(client.get(V1 + "/decisions?limit=1000&format=csv")).body();

        assertThat(body).contains(",\"up, \"\"sharply\"\"\r\nthen flat\","
                + "\"{\"\"fastMa\"\":\"\"100.50000000\"\",\"\"slowMa\"\":\"\"99.25000000\"\"}\"\r\n");
        assertThat(body).startsWith(String.join(",", COLUMNS.get(V1 + "/decisions")) + "\r\n").endsWith("\r\n");
        assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        CSVRecord last = parse(body).rows().getLast();
        assertThat(last.get("reason")).isEqualTo(AWKWARD_REASON);
        assertThat(last.get("indicators")).isEqualTo("{\"fastMa\":\"100.50000000\",\"slowMa\":\"99.25000000\"}");
    }

    @Test
    void theFormatParameterWinsOverAcceptWhichChoosesCsvOnlyWhenItPrefersTextCsv() {
        String fills = V1 + "/ledger/fills";
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("?format=csv|application/json", CSV_TYPE);
        asked.put("?format=csv|text/html", CSV_TYPE);
        asked.put("?format=json|text/csv", "application/json");
        asked.put("|text/csv", CSV_TYPE);
        asked.put("|text/*", CSV_TYPE);
        asked.put("|text/csv, application/json;q=0.9", CSV_TYPE);
        asked.put("|text/csv;q=0.5, application/json", "application/json");
        asked.put("|text/csv, application/json", "application/json");
        asked.put("|*/*", "application/json");
        asked.put("|", "application/json");
        asked.forEach((request, expected) -> {
            String[] parts = request.split("\\|", -1);
            HttpResponse<String> response = parts[1].isEmpty() ? client.get(fills + parts[0])
                    : client.get(fills + parts[0], "Accept", parts[1]);
            assertThat(ok(response).headers().firstValue("Content-Type")).as(request).contains(expected);
            assertThat(response.headers().firstValue("Vary")).as(request).contains("Accept");
        });
    }

    @Test
    void anUnknownFormatIs400AndOnlyTheListsAnswerCsv() {
        HttpResponse<String> unknown = client.get(V1 + "/ledger/fills?format=xml");
        HttpResponse<String> wholeAsked = client.get(V1 + "/ledger?format=csv");
        HttpResponse<String> wholeAccepting = client.get(V1 + "/ledger", "Accept", "text/csv");
        HttpResponse<String> listRefusingBoth = client.get(V1 + "/ledger/fills", "Accept", "text/html");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(contentType(unknown)).isEqualTo("application/problem+json");
        assertThat(Client.parse(unknown.body()).getString("detail")).isEqualTo("format must be json or csv, was 'xml'");
        assertThat(wholeAsked.statusCode()).isEqualTo(400);
        assertThat(wholeAccepting.statusCode()).isEqualTo(406);
        assertThat(Client.parse(wholeAccepting.body()).getString("detail"))
                .contains("the paginated lists also text/csv");
        assertThat(listRefusingBoth.statusCode()).isEqualTo(406);
    }

    @Test
    void followingTheLinkHeaderOfCsvPagesGivesTheWholeListInCsvWithItsFilters() {
        List<String> whole = rows(client.get(V1 + "/decisions?strategy=ma-fast&limit=1000&format=csv").body());

        List<String> paged = new ArrayList<>();
        HttpResponse<String> page = client.get(V1 + "/decisions?strategy=ma-fast&limit=3", "Accept", "text/csv");
        String firstLink = page.headers().firstValue("Link").orElseThrow();
        while (true) {
            ok(page);
            assertThat(contentType(page)).isEqualTo(CSV_TYPE);
            List<String> rows = rows(page.body());
            assertThat(rows).hasSizeLessThanOrEqualTo(3);
            paged.addAll(rows);
            Optional<String> link = page.headers().firstValue("Link");
            if (link.isEmpty()) {
                break;
            }
            String next = link.get().substring(1, link.get().indexOf('>'));
            page = client.get(next);
        }

        assertThat(firstLink).isEqualTo("<" + V1 + "/decisions?after=" + seqOf(whole.get(2))
                + "&limit=3&format=csv&strategy=ma-fast>; rel=\"next\"");
        assertThat(paged).isEqualTo(whole);
        assertThat(whole).hasSizeGreaterThan(3);
        assertThat(client.get(V1 + "/ledger/fills?limit=1&format=json").headers().firstValue("Link").orElseThrow())
                .contains("&format=json>");
        assertThat(client.get(V1 + "/performance/equity?limit=1", "Accept", "text/csv").headers()
                .firstValue("Link").orElseThrow()).endsWith("&interval=1m&limit=1&format=csv>; rel=\"next\"");
    }

    /** The data rows of a CSV body, each as its fields joined, in order. */
    private static List<String> rows(String body) {
        return parse(body).rows().stream().map(r -> String.join("\u0000", r.toList())).toList();
    }

    private static String seqOf(String row) {
        return row.substring(0, row.indexOf('\u0000'));
    }

    @Test
    void aCsvPageCutByTheSizeLimitSaysSoInAHeaderAndItsNextPageContinuesWhereItStopped() {
        for (int i = 45; i <= 600; i++) {
            store.append(Logs.batch(i));
        }
        server.stop();
        server = start(ObserverSettings.MIN_RESPONSE_BYTES);

        List<Long> seqs = new ArrayList<>();
        String next = V1 + "/audit/events?limit=1000&format=csv";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = ok(client.get(next));
            pages++;
            assertThat(page.body().getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo((int) ObserverSettings.MIN_RESPONSE_BYTES);
            List<CSVRecord> rows = parse(page.body()).rows();
            rows.forEach(r -> seqs.add(Long.parseLong(r.get("seq"))));
            Optional<String> link = page.headers().firstValue("Link");
            boolean lastPage = link.isEmpty();
            assertThat(page.headers().firstValue("Paperplane-Truncated")).contains(lastPage ? "?0" : "?1");
            assertThat(page.headers().firstValue("Paperplane-Omitted")).isEmpty();
            next = link.map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
            if (next != null) {
                assertThat(next).startsWith(V1 + "/audit/events?after=" + rows.getLast().get("seq") + "&limit=1000");
            }
        }

        assertThat(pages).isGreaterThan(1);
        assertThat(seqs).hasSize((int) store.head().seq());
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i + 1L);
        }
    }

    @Test
    void anItemTooLargeForAnyCsvPageIsNamedInAHeaderInsteadOfARow() {
        store = new InMemoryStore();
        store.append(Logs.sessionStarted());
        store.append(Logs.batch(1));
        MarketBarObserved bar = SampleEvents.bar(2);
        store.append(List.of(bar, new DecisionRecorded(bar.time(), "ma-fast", 1, "ACME", Action.BUY,
                SampleEvents.d("2"), "x".repeat(70_000), new TreeMap<>())));
        store.append(Logs.batch(3));
        server.stop();
        server = start(ObserverSettings.MIN_RESPONSE_BYTES);

        HttpResponse<String> page = ok(client.get(V1 + "/audit/events?after=3&format=csv"));

        Table table = parse(page.body());
        assertThat(table.rows()).extracting(r -> r.get("seq")).containsExactly("5");
        String omitted = page.headers().firstValue("Paperplane-Omitted").orElseThrow();
        assertThat(omitted).matches("seq=4, type=\"DecisionRecorded\", bytes=7\\d{4}, "
                + "href=\"/observer/v1/audit/events/4\"");
        long bytes = Long.parseLong(omitted.replaceAll(".*bytes=(\\d+).*", "$1"));
        assertThat(bytes).isGreaterThan(ObserverSettings.MIN_RESPONSE_BYTES);
        assertThat(page.headers().firstValue("Paperplane-Truncated")).contains("?0");
        assertThat(page.headers().firstValue("Link")).isEmpty();
        JsonObject json = client.json(V1 + "/audit/events?after=3");
        assertThat(json.getJsonArray("items").getJsonObject(0).getString("href")).isEqualTo(V1 + "/audit/events/4");
        assertThat(json.getJsonArray("items").getJsonObject(1).getJsonNumber("seq").longValue()).isEqualTo(5);
    }

    @Test
    void theCsvEntityTagDiffersFromTheJsonOneAndAnswers304OnlyToCsvRequests() {
        String path = V1 + "/performance/trades";
        String json = client.get(path).headers().firstValue("ETag").orElseThrow();
        String byAccept = client.get(path, "Accept", "text/csv").headers().firstValue("ETag").orElseThrow();
        String byParameter = client.get(path + "?format=csv").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = client.get(path, "Accept", "text/csv", "If-None-Match", byAccept);
        HttpResponse<String> asJson = client.get(path, "If-None-Match", byAccept);

        assertThat(byAccept).isNotEqualTo(json);
        assertThat(byParameter).isNotEqualTo(json);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.headers().firstValue("Vary")).contains("Accept");
        assertThat(asJson.statusCode()).isEqualTo(200);
        assertThat(contentType(asJson)).isEqualTo("application/json");
    }

    @Test
    void headAnswersTheHeadersOfACsvGetWithoutABody() {
        String path = V1 + "/ledger/fills?limit=2&format=csv";
        HttpResponse<String> get = ok(client.get(path));
        HttpResponse<String> head = client.send("HEAD", path);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String name : List.of("Content-Type", "ETag", "Link", "Vary", "Paperplane-Truncated", "Cache-Control")) {
            assertThat(head.headers().allValues(name)).as(name).isNotEmpty().isEqualTo(get.headers().allValues(name));
        }
        assertThat(head.headers().firstValue("Content-Length"))
                .contains(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void theOpenApiDocumentOffersCsvAndTheFormatParameterForExactlyTheLists() {
        JsonObject paths = client.json(V1 + "/openapi").getJsonObject("paths");

        List<String> offeringCsv = new ArrayList<>();
        paths.forEach((path, item) -> {
            JsonObject get = item.asJsonObject().getJsonObject("get");
            JsonObject content = get.getJsonObject("responses").getJsonObject("200").getJsonObject("content");
            if (content != null && content.containsKey("text/csv")) {
                offeringCsv.add(path);
                for (String method : List.of("get", "head")) {
                    assertThat(item.asJsonObject().getJsonObject(method).getJsonArray("parameters"))
                            .as(path + " " + method).contains(jakarta.json.Json.createObjectBuilder()
                                    .add("$ref", "#/components/parameters/Format").build());
                }
            }
        });

        assertThat(offeringCsv).containsExactlyInAnyOrderElementsOf(COLUMNS.keySet());
    }
}
