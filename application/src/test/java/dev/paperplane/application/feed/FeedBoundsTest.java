package dev.paperplane.application.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.domain.market.Bar;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Oversized, non-UTF-8 and hostile feed input: refused at once, at its own line, echoed short and escaped. */
class FeedBoundsTest {

    private static final String HEADER = CsvFeed.HEADER + "\n";
    private static final Instant START = Instant.parse("2024-01-02T00:00:00Z");

    private static CsvFeed feed(byte[] bytes) {
        return new CsvFeed(new ByteArrayInputStream(bytes), "bars.csv");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid bar line at minute {@code minute}, with {@code high} as its high. */
    private static String line(int minute, String high) {
        return START.plusSeconds(60L * minute) + ",ACME,10," + high + ",9,10,1\n";
    }

    private static String goodLines(int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(line(i, "11"));
        }
        return lines.toString();
    }

    /** Reads every bar into {@code bars} until the feed ends or throws. */
    private static void readInto(CsvFeed feed, List<Bar> bars) {
        for (Optional<Bar> bar = feed.next(); bar.isPresent(); bar = feed.next()) {
            bars.add(bar.get());
        }
    }

    private static List<Bar> readAll(byte[] bytes) {
        List<Bar> bars = new ArrayList<>();
        readInto(feed(bytes), bars);
        return bars;
    }

    /** The feed stops at {@code line} with a short message, after handing out every bar before it. */
    private static void assertRefused(byte[] feed, long line, Consumer<String> reason) {
        List<Bar> bars = new ArrayList<>();
        assertThatThrownBy(() -> readInto(feed(feed), bars)).isInstanceOfSatisfying(FeedException.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.getMessage()).startsWith("bars.csv line " + line + ": ").hasSizeLessThan(300);
            assertThat(e.getMessage().chars()).noneMatch(Character::isISOControl);
            reason.accept(e.reason());
        });
        assertThat(bars).hasSize((int) line - 2);
    }

    @Test
    void aHundredThousandDigitPriceIsRefusedNamingTheFieldWithAShortEcho() {
        assertRefused(utf8(HEADER + goodLines(1) + line(1, "1".repeat(100_000))), 3,
                reason -> assertThat(reason).isEqualTo("high is longer than the 64 bytes accepted (the line is longer"
                        + " than 1024 bytes): '" + "1".repeat(40) + "…'"));
    }

    @Test
    void aFieldOfSixtyFiveBytesIsRefusedWithItsLengthAndOneOfSixtyFourIsRead() {
        assertThat(readAll(utf8(HEADER + line(0, " ".repeat(60) + "11.5")))).hasSize(1);

        assertRefused(utf8(HEADER + line(0, " ".repeat(61) + "11.5")), 2, reason -> assertThat(reason)
                .isEqualTo("high is 65 bytes long, at most 64 are accepted: '" + " ".repeat(40) + "…' (65 characters)"));
    }

    @Test
    void theFieldBoundCountsUtf8BytesNotCharacters() {
        // 33 characters, 65 bytes: each no-break space is two bytes in UTF-8
        assertRefused(utf8(HEADER + line(0, "11" + "\u00A0".repeat(32))), 2,
                reason -> assertThat(reason).startsWith("high is 66 bytes long, at most 64 are accepted"));
    }

    @Test
    void eighteenDigitsBeforeThePointAreReadAndNineteenRefused() {
        assertThat(readAll(utf8(HEADER + line(0, "123456789012345678"))).getFirst().high())
                .isEqualByComparingTo("123456789012345678");

        assertRefused(utf8(HEADER + line(0, "1234567890123456789")), 2, reason -> assertThat(reason)
                .isEqualTo("high '1234567890123456789' has 19 digits before the decimal point, at most 18 are accepted"));
    }

    @Test
    void eighteenDigitsAfterThePointAreRoundedHalfEvenToEightAndNineteenRefused() {
        List<Bar> bars = readAll(utf8(HEADER + line(0, "11.000000005000000000") + line(1, "11.000000015000000000")));

        assertThat(bars).map(Bar::high).containsExactly(new BigDecimal("11.00000000"), new BigDecimal("11.00000002"));
        assertRefused(utf8(HEADER + line(0, "11.0000000000000000001")), 2, reason -> assertThat(reason)
                .isEqualTo("high '11.0000000000000000001' has 19 digits after the decimal point, at most 18 are accepted"));
    }

    @Test
    void digitsOtherThanAsciiAreNotADecimalNumber() {
        assertRefused(utf8(HEADER + line(0, "١١")), 2,
                reason -> assertThat(reason).isEqualTo("high '١١' is not a plain decimal number"));
    }

    @Test
    void aLineOverItsBoundWhoseFieldsAreShortIsRefusedAsALine() {
        assertRefused(utf8(HEADER + "1,".repeat(600) + "\n"), 2, reason -> assertThat(reason)
                .isEqualTo("the line is longer than 1024 bytes (513 fields in its first 1024 bytes)"));
    }

    @Test
    void aHugeLineIsNotReadIntoMemory() {
        long size = 50L << 20;
        CountingOnes in = new CountingOnes(utf8(HEADER + "2024-01-02T00:00:00Z,ACME,10,"), size);

        assertThatThrownBy(() -> readInto(new CsvFeed(in, "bars.csv"), new ArrayList<>()))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.reason()).startsWith("high is longer"));
        assertThat(in.consumed).isLessThan(200_000);
    }

    @Test
    void aLatin1ByteIsReportedAtItsOwnLineAfterEveryBarBeforeIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(HEADER + goodLines(10)));
        bytes.writeBytes("2024-01-03T00:00:00Z,ACME,10,11,9,10,1 caf\u00E9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertRefused(bytes.toByteArray(), 12, reason -> assertThat(reason).isEqualTo("byte 0xE9 at byte 43 of the line"
                + " is not UTF-8; save the file as UTF-8 (it looks like another encoding, such as Latin-1 or"
                + " Windows-1252)"));
    }

    @Test
    void aBadByteDeepInALargeFeedLosesNoBarBeforeIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(HEADER + goodLines(4_999)));
        bytes.writeBytes(new byte[] {(byte) 0xFF});
        bytes.writeBytes(utf8(goodLines(5_000)));

        assertRefused(bytes.toByteArray(), 5_001, reason -> assertThat(reason).startsWith("byte 0xFF at byte 1 "));
    }

    @Test
    void controlCharactersInAnEchoedValueAreEscaped() {
        assertRefused(utf8(HEADER + "2024-01-02T00:00:00Z,AC\u0000ME\u001b[2J,10,11,9,10,1\n"), 2, reason ->
                assertThat(reason).isEqualTo("instrument 'AC\\u0000ME\\u001B[2J' is not of the form"
                        + " [A-Z0-9][A-Z0-9._-]{0,31}"));
    }

    @Test
    void aLongWrongHeaderIsEchoedShort() {
        assertThatThrownBy(() -> readAll(utf8("x".repeat(5_000) + "\n"))).isInstanceOfSatisfying(FeedException.class,
                e -> assertThat(e.reason()).isEqualTo("header is '" + "x".repeat(40) + "…', expected '"
                        + CsvFeed.HEADER + "'"));
    }

    @Test
    void linesOfExactlyTheBoundAreReadWholeAndOneByteMoreIsCut() {
        String exact = "a".repeat(FeedBounds.MAX_LINE_BYTES);
        FeedLines lines = new FeedLines(new ByteArrayInputStream(utf8(exact + "\r\n" + exact + "b\n")), "t", 1024);

        assertThat(lines.next()).isEqualTo(new FeedLines.Line(exact, false));
        assertThat(lines.next()).isEqualTo(new FeedLines.Line(exact, true));
        assertThat(lines.lineNumber()).isEqualTo(2);
    }

    @Test
    void lineEndsAreLfCrlfOrALoneCrAsBefore() {
        FeedLines lines = new FeedLines(new ByteArrayInputStream(utf8("a\nb\r\nc\rd")), "t", 16);

        assertThat(List.of(lines.next().text(), lines.next().text(), lines.next().text(), lines.next().text()))
                .containsExactly("a", "b", "c", "d");
        assertThat(lines.next()).isNull();
    }

    /** {@code prefix}, then {@code ones} bytes of '1' generated on demand, counting what was read. */
    private static final class CountingOnes extends InputStream {
        private final byte[] prefix;
        private final long total;
        long consumed;

        CountingOnes(byte[] prefix, long ones) {
            this.prefix = prefix;
            this.total = prefix.length + ones;
        }

        @Override
        public int read() {
            if (consumed == total) {
                return -1;
            }
            return consumed < prefix.length ? prefix[(int) consumed++] : ++consumed > 0 ? '1' : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len && consumed < total) {
                b[off + n++] = (byte) read();
            }
            return n == 0 && len > 0 ? -1 : n;
        }
    }
}
