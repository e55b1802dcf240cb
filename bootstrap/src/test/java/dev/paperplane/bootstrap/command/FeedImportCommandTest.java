package dev.paperplane.bootstrap.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.bootstrap.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code paperplane feed import}: each layout, daylight saving, merging, adjustment, determinism and refusals. */
class FeedImportCommandTest {
    private static final String HEADER = "time,instrument,open,high,low,close,volume\n";

    /** Yahoo daily bars around the start of US daylight saving (Sunday 2013-03-10). */
    private static final String YAHOO = """
            Date,Open,High,Low,Close,Adj Close,Volume
            2013-03-07,431.11,435.43,430.61,430.83,61.52,117118400
            2013-03-08,429.8,435.43,428.61,431.72,61.65,97870500
            2013-03-11,429.75,439.01,425.14,437.87,62.53,118559000
            """;
    /** R's write.zoo: semicolons, a quoted date-format header naming no time column, CRLF, around the 2000 autumn change. */
    private static final String R_ZOO = "\"%Y-%m-%d\";Open;High;Low;Close;Volume\r\n"
            + "2000-10-27;61.25;64.5;60.875;64.25;60987600\r\n"
            + "2000-10-30;64.5;69.5;64.125;68.6875;71541900\r\n";
    /** gnuplot's sample: tabs, no header, M/D/YYYY, extra columns. */
    private static final String GNUPLOT = """
            3/7/2013\t75.00\t75.50\t74.10\t75.20\t1200\t0.3\tx
            3/8/2013\t75.20\t76.00\t75.00\t75.90\t800\t0.1\ty
            """;
    private static final String STOOQ = """
            Date,Open,High,Low,Close,Volume
            2024-01-02,100,101,99,100.5,1000
            2024-01-03,100.5,102,100,101.25,1200
            """;
    /** Binance spot klines: open time, OHLCV, close time, then six further columns. */
    private static final String BINANCE = """
            1704067200000,42283.58,42298.62,42261.02,42298.61,35.92724,1704067259999,1519032.09,1327,23.13,978066.2,0
            1704067260000,42298.62,42320.00,42298.61,42320.00,21.3623,1704067319999,904063.04,1023,13.4,567290.7,0
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path out() {
        return dir.resolve("feed.csv");
    }

    private String imported(Object... args) throws IOException {
        List<Object> words = new ArrayList<>(List.of("feed", "import"));
        words.addAll(List.of(args));
        words.addAll(List.of("--out", out()));
        Cli.ok(words.toArray());
        return Files.readString(out());
    }

    @Test
    void yahooDatesAreBarsAtTheNewYorkCloseAcrossTheDaylightSavingChange() throws IOException {
        String feed = imported(write("AAPL.csv", YAHOO), "--instrument", "AAPL");

        assertThat(feed).isEqualTo(HEADER
                + "2013-03-07T21:00:00Z,AAPL,431.11,435.43,430.61,430.83,117118400\n"
                + "2013-03-08T21:00:00Z,AAPL,429.8,435.43,428.61,431.72,97870500\n"
                + "2013-03-11T20:00:00Z,AAPL,429.75,439.01,425.14,437.87,118559000\n");
    }

    @Test
    void aSemicolonFileWhoseHeaderNamesNoTimeTakesItsFirstColumnAsTheTime() throws IOException {
        String feed = imported(write("msft.csv", R_ZOO), "--instrument", "MSFT");

        assertThat(feed).isEqualTo(HEADER
                + "2000-10-27T20:00:00Z,MSFT,61.25,64.5,60.875,64.25,60987600\n"
                + "2000-10-30T21:00:00Z,MSFT,64.5,69.5,64.125,68.6875,71541900\n");
    }

    @Test
    void aGenericTabFileWithoutHeaderIsReadByPositionAndDateFormat() throws IOException {
        String feed = imported(write("prices.tsv", GNUPLOT), "--instrument", "XYZ", "--layout", "generic",
                "--no-header", "--columns", "time=1,open=2,high=3,low=4,close=5,volume=6", "--date-format", "M/d/yyyy");

        assertThat(feed).isEqualTo(HEADER
                + "2013-03-07T21:00:00Z,XYZ,75,75.5,74.1,75.2,1200\n"
                + "2013-03-08T21:00:00Z,XYZ,75.2,76,75,75.9,800\n");
    }

    @Test
    void genericColumnsByHeaderName() throws IOException {
        String feed = imported(write("s.csv", "Day;Sym;O;H;L;C;V\n2024-01-02;ABC;1;2;1;2;5\n"), "--layout", "generic",
                "--columns", "time=Day,instrument=SYM,open=O,high=H,low=L,close=C,volume=V");

        assertThat(feed).isEqualTo(HEADER + "2024-01-02T21:00:00Z,ABC,1,2,1,2,5\n");
    }

    @Test
    void stooqWithABarTimeAndZoneOfItsOwn() throws IOException {
        String feed = imported(write("pko.csv", STOOQ), "--layout", "stooq", "--instrument", "PKO", "--bar-time",
                "17:00", "--time-zone", "Europe/Warsaw");

        assertThat(feed).isEqualTo(HEADER
                + "2024-01-02T16:00:00Z,PKO,100,101,99,100.5,1000\n"
                + "2024-01-03T16:00:00Z,PKO,100.5,102,100,101.25,1200\n");
    }

    @Test
    void binanceKlinesAreDetectedAndStampedAtTheEndOfTheirMinute() throws IOException {
        String feed = imported("BTCUSDT=" + write("BTCUSDT-1m.csv", BINANCE));

        assertThat(feed).isEqualTo(HEADER
                + "2024-01-01T00:01:00Z,BTCUSDT,42283.58,42298.62,42261.02,42298.61,35.92724\n"
                + "2024-01-01T00:02:00Z,BTCUSDT,42298.62,42320,42298.61,42320,21.3623\n");
    }

    @Test
    void aBarTimeInTheSpringGapMovesForwardAndOneInTheAutumnOverlapTakesTheEarlierOffset() throws IOException {
        String spring = imported(write("a.csv", "Date,Open,High,Low,Close,Volume\n2013-03-10,1,1,1,1,1\n"),
                "--instrument", "BTC", "--bar-time", "02:30");
        String autumn = imported(write("b.csv", "Date,Open,High,Low,Close,Volume\n2013-11-03,1,1,1,1,1\n"),
                "--instrument", "BTC", "--bar-time", "01:30");

        // 02:30 does not exist on 2013-03-10 in New York: 03:30 EDT; 01:30 on 2013-11-03 happens twice: the EDT one
        assertThat(spring).isEqualTo(HEADER + "2013-03-10T07:30:00Z,BTC,1,1,1,1,1\n");
        assertThat(autumn).isEqualTo(HEADER + "2013-11-03T05:30:00Z,BTC,1,1,1,1,1\n");
    }

    @Test
    void binanceMicrosecondTimesAreReadAsMicroseconds() throws IOException {
        String feed = imported("BTCUSDT=" + write("k.csv",
                "1735689600000000,1,2,1,2,3,1735689659999999,0,0,0,0,0\n"), "--layout", "binance-klines");

        assertThat(feed).isEqualTo(HEADER + "2025-01-01T00:01:00Z,BTCUSDT,1,2,1,2,3\n");
    }

    @Test
    void aPaperplaneFeedIsReadWithItsInstrumentColumnAndComesOutAsRunReadsIt() throws IOException {
        Path source = write("own.csv", "TIME,Instrument,open,high,low,close,volume\n"
                + "2024-01-02T00:00:00Z,AAA,10.000000005,11,9,10,1\n");

        String feed = imported(source, "--layout", "paperplane");

        assertThat(feed).isEqualTo(HEADER + "2024-01-02T00:00:00Z,AAA,10,11,9,10,1\n");
        assertThat(Cli.run("run", "--data", dir.resolve("data"), "--feed", out()).exitCode()).isZero();
    }

    @Test
    void threeFilesAreMergedByTimeThenInstrumentAndTheResultRuns() throws IOException {
        Path aapl = write("aapl.csv", YAHOO);
        Path xyz = write("xyz.csv", "Date,Open,High,Low,Close,Volume\n2013-03-07,5,6,4,5,10\n2013-03-11,5,6,4,5,10\n");
        Path abc = write("abc.csv", "date,open,high,low,close,volume\n2013-03-08,7,8,6,7,1\n2013-03-11,7,8,6,7,1\n");

        String feed = imported("XYZ=" + xyz, "AAPL=" + aapl, "ABC=" + abc);

        assertThat(feed).isEqualTo(HEADER
                + "2013-03-07T21:00:00Z,AAPL,431.11,435.43,430.61,430.83,117118400\n"
                + "2013-03-07T21:00:00Z,XYZ,5,6,4,5,10\n"
                + "2013-03-08T21:00:00Z,AAPL,429.8,435.43,428.61,431.72,97870500\n"
                + "2013-03-08T21:00:00Z,ABC,7,8,6,7,1\n"
                + "2013-03-11T20:00:00Z,AAPL,429.75,439.01,425.14,437.87,118559000\n"
                + "2013-03-11T20:00:00Z,ABC,7,8,6,7,1\n"
                + "2013-03-11T20:00:00Z,XYZ,5,6,4,5,10\n");
        assertThat(Cli.run("run", "--data", dir.resolve("data"), "--feed", out()).exitCode()).isZero();
    }

    @Test
    void aSecondImportOfTheSameFilesWritesTheSameBytes() throws IOException {
        Path aapl = write("aapl.csv", YAHOO);
        Path msft = write("msft.csv", R_ZOO);
        byte[] first = imported("AAPL=" + aapl, "MSFT=" + msft).getBytes(StandardCharsets.UTF_8);

        byte[] second = imported("AAPL=" + aapl, "MSFT=" + msft).getBytes(StandardCharsets.UTF_8);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void adjustedScalesOpenHighLowCloseByAdjCloseOverCloseRoundedHalfEvenToEightDecimals() throws IOException {
        // open 431.11 × 61.52 / 430.83 = 61.559982359631..., one division, HALF_EVEN at 8 decimals
        String feed = imported(write("AAPL.csv", YAHOO), "--instrument", "AAPL", "--adjusted");

        assertThat(feed.lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("2013-03-07T21:00:00Z,AAPL,61.55998236,62.17685305,61.48858529,61.52,117118400");
    }

    static Stream<Arguments> refusals() {
        String yahooHeader = "Date,Open,High,Low,Close,Adj Close,Volume\n";
        String good = "2013-03-07,10,11,9,10,10,100\n";
        return Stream.of(
                Arguments.of("NA", yahooHeader + good + "2013-03-08,NA,11,9,10,10,100\n", 3,
                        "open is 'NA', a missing value: paperplane needs every value, so drop the row or fill it in"),
                Arguments.of("empty field", yahooHeader + "2013-03-08,10,,9,10,10,100\n", 2, "high is missing"),
                Arguments.of("exponent", yahooHeader + "2013-03-08,10,11,9,1e1,10,100\n", 2,
                        "close '1e1' is not a plain decimal number"),
                Arguments.of("high below low", yahooHeader + "2013-03-08,10,9,11,10,10,100\n", 2,
                        "high 9.00000000 is below low 11.00000000"),
                Arguments.of("negative price", yahooHeader + "2013-03-08,10,11,-9,10,10,100\n", 2, "low -9 is negative"),
                Arguments.of("negative volume", yahooHeader + "2013-03-08,10,11,9,10,10,-100\n", 2,
                        "volume -100 is negative"),
                Arguments.of("time backwards", yahooHeader + good + "2013-03-06,10,11,9,10,10,100\n", 3,
                        "time 2013-03-06T21:00:00Z for AAPL is not after its previous bar at 2013-03-07T21:00:00Z"),
                Arguments.of("repeated time", yahooHeader + good + good, 3,
                        "time 2013-03-07T21:00:00Z for AAPL is not after its previous bar at 2013-03-07T21:00:00Z"),
                Arguments.of("bad date", yahooHeader + "07.03.2013,10,11,9,10,10,100\n", 2,
                        "time '07.03.2013' is not a date or time paperplane recognises"),
                Arguments.of("oversized", yahooHeader + "2013-03-08,10," + "1".repeat(2000) + ",9,10,10,100\n", 2,
                        "column 3 is longer than the 64 bytes accepted (the line is longer than 1024 bytes)"),
                Arguments.of("too few columns", yahooHeader + "2013-03-08,10,11,9\n", 2,
                        "expected at least 7 columns separated by commas, found 4"),
                Arguments.of("unclosed quote", yahooHeader + "\"2013-03-08,10,11,9,10,10,100\n", 2,
                        "a quoted field is not closed"),
                Arguments.of("unknown header", "when,price\n2013-03-08,10\n", 1,
                        "line 1 is neither a header naming open, high, low, close and volume nor a Binance kline"),
                Arguments.of("header without volume", "Date,Open,High,Low,Close\n", 1,
                        "the header names no volume column (it has 'Date,Open,High,Low,Close')"),
                Arguments.of("empty file", "", 1, "the file is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void badInputIsRefusedNamingFileLineAndReasonAndWritesNothing(String name, String text, int line, String reason)
            throws IOException {
        Path source = write("AAPL.csv", text);
        Files.writeString(out(), "previous feed\n");

        Cli.Result refused = Cli.run("feed", "import", source, "--instrument", "AAPL", "--out", out());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("paperplane: " + source + " line " + line + ": " + reason)
                .endsWith("; nothing was written to " + out() + "\n").hasLineCount(1).hasSizeLessThan(400);
        assertThat(Files.readString(out())).isEqualTo("previous feed\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("AAPL.csv", "feed.csv");
        }
    }

    @Test
    void aNonUtf8ByteIsRefusedAtItsLine() throws IOException {
        Path source = dir.resolve("latin1.csv");
        Files.write(source, "Date,Open,High,Low,Close,Volume\n2013-03-07,10,11,9,10,100 caf\u00E9\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        Cli.Result refused = Cli.run("feed", "import", source, "--instrument", "AAPL", "--out", out());

        assertThat(refused.err()).startsWith("paperplane: " + source + " line 2: byte 0xE9 at byte 30 of the line is"
                + " not UTF-8");
        assertThat(out()).doesNotExist();
    }

    @Test
    void theSameBarInTwoFilesIsRefusedNamingBoth() throws IOException {
        Path one = write("one.csv", STOOQ);
        Path two = write("two.csv", STOOQ.lines().limit(2).map(l -> l + "\n").reduce("", String::concat));

        Cli.Result refused = Cli.run("feed", "import", "PKO=" + one, "PKO=" + two, "--out", out());

        assertThat(refused.err()).isEqualTo("paperplane: " + two + " line 2: PKO at 2024-01-02T21:00:00Z is also at "
                + one + " line 2 (one bar per instrument and time); nothing was written to " + out() + "\n");
        assertThat(out()).doesNotExist();
    }

    @Test
    void aFileWithoutInstrumentColumnNeedsAnInstrument() throws IOException {
        Path source = write("s.csv", STOOQ);

        Cli.Result refused = Cli.run("feed", "import", source, "--out", out());

        assertThat(refused.err()).startsWith("paperplane: " + source + " line 1: the file has no instrument column:"
                + " name the instrument with --instrument SYM (one file) or SYM=FILE");
    }

    @Test
    void helpShowsAnExampleForEachLayout() {
        String help = Cli.ok("feed", "import", "--help").out();

        assertThat(help).contains("--layout paperplane", "--layout yahoo", "--layout stooq",
                "--layout binance-klines", "--layout generic", "(layout detected)");
    }
}
