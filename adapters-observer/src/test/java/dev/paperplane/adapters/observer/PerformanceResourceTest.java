package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.domain.decision.Action;
import dev.paperplane.domain.num.Decimals;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /performance} and {@code /performance/trades} of a running observer over a session log. */
class PerformanceResourceTest {
    private static final String V1 = "/observer/v1";
    private InMemoryStore store;
    private ObserverServer server;
    private Client client;

    @BeforeEach
    void start() {
        store = Logs.session(40);
        server = ObserverServer.start(new ObserverSettings("127.0.0.1", 0,
                ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES, "test-1"), store, store);
        client = new Client(server.port());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theEquityIsTheLedgersAtTheSameSeqAndTheStrategiesSumToTheTotal() {
        JsonObject performance = client.json(V1 + "/performance");
        JsonObject ledger = client.json(V1 + "/ledger");

        JsonObject portfolio = performance.getJsonObject("portfolio");
        assertThat(performance.getJsonNumber("seq").longValue()).isEqualTo(ledger.getJsonNumber("seq").longValue());
        assertThat(portfolio.getString("equity")).isEqualTo(ledger.getString("equity"));
        assertThat(portfolio.getJsonObject("pnl").getString("fees")).isEqualTo(ledger.getString("feesPaid"));
        BigDecimal total = new BigDecimal(portfolio.getJsonObject("pnl").getString("total"));
        assertThat(total).isEqualTo(new BigDecimal(portfolio.getString("equity"))
                .subtract(new BigDecimal(portfolio.getString("initialCash"))));
        BigDecimal strategies = performance.getJsonObject("strategies").values().stream()
                .map(s -> new BigDecimal(s.asJsonObject().getJsonObject("pnl").getString("total")))
                .reduce(Decimals.ZERO, BigDecimal::add);
        assertThat(strategies).isEqualTo(total);
        assertThat(performance.getJsonObject("strategies").keySet()).containsExactly("breakout", "ma-fast");
    }

    @Test
    void atAnEarlierSeqTheFiguresAreThoseOfTheLedgerThen() {
        client.json(V1 + "/performance");
        for (long seq : new long[] {1, 17, 33}) {
            JsonObject then = client.json(V1 + "/performance?at=" + seq);
            assertThat(then.getJsonNumber("seq").longValue()).isEqualTo(seq);
            assertThat(then.getJsonObject("portfolio").getString("equity"))
                    .isEqualTo(client.json(V1 + "/ledger?at=" + seq).getString("equity"));
        }
        assertThat(client.get(V1 + "/performance?at=999999").statusCode()).isEqualTo(404);
        assertThat(client.get(V1 + "/performance?at=x").statusCode()).isEqualTo(400);
        assertThat(client.json(V1 + "/performance?interval=1m").getJsonObject("risk").getJsonNumber("intervalsPerYear")
                .longValue()).isEqualTo(525_600);
        assertThat(client.get(V1 + "/performance?interval=1w").statusCode()).isEqualTo(400);
    }

    @Test
    void catchingUpRequestByRequestWhileAWriterAppendsGivesTheFiguresOfAFreshFold() {
        client.json(V1 + "/performance");
        for (int i = 41; i <= 60; i++) {
            store.append(Logs.batch(i));
            client.json(V1 + "/performance");
        }
        String incremental = client.get(V1 + "/performance").body();
        server.stop();
        server = ObserverServer.start(new ObserverSettings("127.0.0.1", 0,
                ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES, "test-1"), store, store);
        client = new Client(server.port());

        assertThat(client.get(V1 + "/performance").body()).isEqualTo(incremental);
    }

    @Test
    void tradesArePagedByCloseSeqAndFilteredByStrategy() {
        // ma-fast bought 2 on each of 8 bars: sell them all, then a second round trip of 2
        store.append(Logs.fillAt(41, Action.SELL, "16"));
        store.append(Logs.fillAt(42, Action.BUY, "2"));
        store.append(Logs.fillAt(43, Action.SELL, "2"));
        JsonArray all = client.json(V1 + "/performance/trades?limit=1000").getJsonArray("items");
        assertThat(all).isNotEmpty();
        long closed = client.json(V1 + "/performance").getJsonObject("strategies").values().stream()
                .mapToLong(s -> s.asJsonObject().getJsonObject("trips").getJsonNumber("closed").longValue()).sum();
        assertThat(all).hasSize((int) closed);

        HttpResponse<String> first = client.get(V1 + "/performance/trades?limit=1");
        JsonObject page = Client.parse(first.body());
        long closeSeq = page.getJsonArray("items").getJsonObject(0).getJsonNumber("closeSeq").longValue();
        assertThat(closeSeq).isEqualTo(all.getJsonObject(0).getJsonNumber("closeSeq").longValue());
        assertThat(all).hasSize(2);
        assertThat(first.headers().firstValue("Link").orElseThrow())
                .isEqualTo("<" + V1 + "/performance/trades?after=" + closeSeq + "&limit=1>; rel=\"next\"");
        String strategy = all.getJsonObject(0).getString("strategy");
        assertThat(client.json(V1 + "/performance/trades?limit=1000&strategy=" + strategy).getJsonArray("items"))
                .allSatisfy(t -> assertThat(t.asJsonObject().getString("strategy")).isEqualTo(strategy));
        assertThat(client.json(V1 + "/performance/trades?strategy=breakout").getJsonArray("items")).isEmpty();
    }

    @Test
    void anUnchangedLogAnswers304ToTheEntityTag() {
        String etag = client.get(V1 + "/performance").headers().firstValue("ETag").orElseThrow();

        assertThat(client.get(V1 + "/performance", "If-None-Match", etag).statusCode()).isEqualTo(304);
        store.append(Logs.batch(41));
        assertThat(client.get(V1 + "/performance", "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void theEquityCurvesLastPointIsTheLedgersEquityAndPagesFollowTheLinkHeader() {
        JsonArray all = client.json(V1 + "/performance/equity?interval=1m&limit=1000").getJsonArray("items");
        JsonObject last = all.getJsonObject(all.size() - 1);
        assertThat(last.getString("equity")).isEqualTo(client.json(V1 + "/ledger").getString("equity"));
        assertThat(new BigDecimal(last.getString("drawdown"))).isEqualTo(new BigDecimal(last.getString("peak"))
                .subtract(new BigDecimal(last.getString("equity"))));

        HttpResponse<String> first = client.get(V1 + "/performance/equity?interval=1m&limit=3");
        String next = first.headers().firstValue("Link").orElseThrow().replaceAll("^<(.*)>; rel=\"next\"$", "$1");
        JsonArray second = client.json(next).getJsonArray("items");
        assertThat(second.getJsonObject(0)).isEqualTo(all.getJsonObject(3));
        assertThat(client.get(V1 + "/performance/equity?interval=2m").statusCode()).isEqualTo(400);
        assertThat(client.get(V1 + "/performance/equity?after=yesterday").statusCode()).isEqualTo(400);
    }
}
