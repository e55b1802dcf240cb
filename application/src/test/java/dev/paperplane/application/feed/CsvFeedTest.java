package dev.paperplane.application.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.domain.market.Bar;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvFeedTest {

    private static final String HEADER = CsvFeed.HEADER + "\n";

    private static CsvFeed feed(String text) {
        return new CsvFeed(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "bars.csv");
    }

    private static List<Bar> readAll(CsvFeed feed) {
        List<Bar> bars = new ArrayList<>();
        for (Optional<Bar> bar = feed.next(); bar.isPresent(); bar = feed.next()) {
            bars.add(bar.get());
        }
        return bars;
    }

    private static void assertRejectedAtLine(String body, long line, String reasonFragment) {
        CsvFeed feed = feed(HEADER + body);
        assertThatThrownBy(() -> readAll(feed))
                .isInstanceOfSatisfying(FeedException.class, e -> {
                    assertThat(e.source()).isEqualTo("bars.csv");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.reason()).contains(reasonFragment);
                    assertThat(e.getMessage()).startsWith("bars.csv line " + line + ": ");
                });
    }

    @Test
    void readsBarsAtTheCanonicalScale() {
        List<Bar> bars = readAll(feed(HEADER + "2024-01-02T00:00:00Z,ACME,10,11.5,9.25,10.75,1200\n"));

        assertThat(bars).containsExactly(new Bar(Instant.parse("2024-01-02T00:00:00Z"), "ACME",
                new BigDecimal("10.00000000"), new BigDecimal("11.50000000"), new BigDecimal("9.25000000"),
                new BigDecimal("10.75000000"), new BigDecimal("1200.00000000")));
        assertThat(bars.get(0).close().scale()).isEqualTo(8);
    }

    @Test
    void handsOutBarsOneAtATimeSoEarlierBarsSurviveALaterBadLine() {
        CsvFeed feed = feed(HEADER + "2024-01-02T00:00:00Z,ACME,10,11,9,10,1\nbroken\n");

        assertThat(feed.next()).isPresent();
        assertThatThrownBy(feed::next).isInstanceOf(FeedException.class);
    }

    @Test
    void anEmptyFeedIsRejectedAtLineOne() {
        assertThatThrownBy(() -> readAll(feed(""))).isInstanceOfSatisfying(FeedException.class,
                e -> assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void aWrongHeaderIsRejectedAtLineOne() {
        assertThatThrownBy(() -> readAll(feed("time,symbol,open,high,low,close,volume\n")))
                .isInstanceOfSatisfying(FeedException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.reason()).contains("expected '" + CsvFeed.HEADER + "'");
                });
    }

    @Test
    void aHeaderOnlyFeedHasNoBars() {
        assertThat(readAll(feed(HEADER))).isEmpty();
    }

    @Test
    void aLineBeyondAsciiIsDecodedAsUtf8BeforeItIsChecked() {
        assertRejectedAtLine("2024-01-02T00:00:00Z,ACME,10,11,9,10,1\n2024-01-02T00:01:00Z,\u00C4CME,10,11,9,10,1\n",
                3, "instrument '\u00C4CME' is not of the form");
    }

    @Test
    void pricesInEveryPlainFormAreReadAsBigDecimalReadsThem() {
        List<Bar> bars = readAll(feed(HEADER
                + "2024-01-02T00:00:00Z,ACME, +010.5 ,11.000000005,.5,5.,-0.000000005\n"
                + "2024-01-02T00:01:00Z,ACME,10.000000015,999999999999999999.5,9.999999994999,10,0\n"));

        assertThat(bars).containsExactly(
                new Bar(Instant.parse("2024-01-02T00:00:00Z"), "ACME", new BigDecimal("10.50000000"),
                        new BigDecimal("11.00000000"), new BigDecimal("0.50000000"), new BigDecimal("5.00000000"),
                        new BigDecimal("0E-8")),
                new Bar(Instant.parse("2024-01-02T00:01:00Z"), "ACME", new BigDecimal("10.00000002"),
                        new BigDecimal("999999999999999999.50000000"), new BigDecimal("9.99999999"),
                        new BigDecimal("10.00000000"), new BigDecimal("0E-8")));
        assertThat(bars).allSatisfy(bar -> assertThat(List.of(bar.open(), bar.high(), bar.low(), bar.close(),
                bar.volume())).allSatisfy(value -> assertThat(value.scale()).isEqualTo(8)));
    }

    @Test
    void fieldsAreSplitAsStringSplitSplitsThemKeepingEmptyOnes() {
        for (String text : new String[] {"", ",", ",,", "a", "a,b", "a,,b", "a,b,", ",a", " a , b ,c"}) {
            assertThat(CsvFeed.fields(text)).as("'%s'", text).containsExactly(text.split(",", -1));
        }
    }

    @Test
    void aMissingColumnIsRejected() {
        assertRejectedAtLine("2024-01-02T00:00:00Z,ACME,10,11,9,10\n", 2, "expected 7 columns");
    }

    @Test
    void anEmptyValueIsRejected() {
        assertRejectedAtLine("2024-01-02T00:00:00Z,ACME,10,,9,10,1\n", 2, "high is missing");
    }

    @Test
    void aNonNumericPriceIsRejected() {
        assertRejectedAtLine("2024-01-02T00:00:00Z,ACME,ten,11,9,10,1\n", 2, "open 'ten' is not a plain decimal");
    }

    @Test
    void exponentNotationIsRejected() {
        assertRejectedAtLine("2024-01-02T00:00:00Z,ACME,1e1,11,9,10,1\n", 2, "not a plain decimal");
    }

    @Test
    void aNegativePriceIsRejected() {
        assertRejectedAtLine("2024-01-02T00:00:00Z,ACME,10,11,-9,10,1\n", 2, "low -9 is negative");
    }

    @Test
    void aZeroPriceIsRejected() {
        assertRejectedAtLine("2024-01-02T00:00:00Z,ACME,0,11,0,10,1\n", 2, "must be positive");
    }

    @Test
    void highBelowLowIsRejected() {
        assertRejectedAtLine("2024-01-02T00:00:00Z,ACME,10,9,11,10,1\n", 2, "high");
    }

    @Test
    void aMalformedTimeIsRejected() {
        assertRejectedAtLine("2024-01-02 00:00,ACME,10,11,9,10,1\n", 2, "not an ISO-8601 instant");
    }

    @Test
    void anUnknownInstrumentFormatIsRejected() {
        assertRejectedAtLine("2024-01-02T00:00:00Z,acme corp,10,11,9,10,1\n", 2, "instrument 'acme corp'");
    }

    @Test
    void timeGoingBackwardsForAnInstrumentIsRejectedAtTheLineWhereItDoes() {
        assertRejectedAtLine("""
                2024-01-02T00:01:00Z,ACME,10,11,9,10,1
                2024-01-02T00:00:00Z,BETA,10,11,9,10,1
                2024-01-02T00:00:00Z,ACME,10,11,9,10,1
                """, 4, "is not after its previous bar");
    }

    @Test
    void aRepeatedTimeForAnInstrumentIsRejected() {
        assertRejectedAtLine("""
                2024-01-02T00:00:00Z,ACME,10,11,9,10,1
                2024-01-02T00:00:00Z,ACME,10,11,9,10,1
                """, 3, "is not after its previous bar");
    }
}
