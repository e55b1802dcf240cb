package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.analytics.EquityPoint;
import dev.paperplane.application.analytics.RoundTrip;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written item encodings are byte for byte JSON-B's encodings of the items' reflective trees. */
class PerformanceItemsTest {
    private static final int ITEMS = 5_000;
    /** Names with every kind of character JSON-P escapes or passes through. */
    private static final List<String> NAMES = List.of("ma-fast", "", "BTC/USD", "quote\"d", "back\\slash",
            "tab\tnew\nline\rcr", "\b\f", "\u0000\u0001\u001f\u007f", "caf\u00e9 \u20ac \u4e2d", "emoji \ud83d\ude80",
            "lone \ud800 surrogate", "\udc00", "line\u2028sep\u2029", "</script>", "a,b;c", " spaced ");

    private final Random random = new Random(18);

    @Test
    void equityPointsAreEncodedAsJsonBEncodesTheirTrees() {
        for (int i = 0; i < ITEMS; i++) {
            EquityPoint point = new EquityPoint(time(), random.nextLong(0, Long.MAX_VALUE), decimal(), decimal(),
                    decimal());
            assertSameBytes(PerformanceItems.point(point), point);
        }
    }

    @Test
    void roundTripsAreEncodedAsJsonBEncodesTheirTrees() {
        for (int i = 0; i < ITEMS; i++) {
            RoundTrip trip = new RoundTrip(name(), name(), random.nextBoolean() ? "LONG" : "SHORT", decimal(),
                    random.nextLong(-1, Long.MAX_VALUE), time(), random.nextLong(Long.MIN_VALUE, Long.MAX_VALUE),
                    time(), decimal(), decimal(), decimal(), decimal(), decimal(), random.nextLong());
            assertSameBytes(PerformanceItems.trip(trip), trip);
        }
    }

    @Test
    void extremesAreEncodedAsJsonBEncodesThem() {
        EquityPoint nulls = new EquityPoint(null, 0, null, null, null);
        assertSameBytes(PerformanceItems.point(nulls), nulls);
        EquityPoint far = new EquityPoint(Instant.MAX, Long.MAX_VALUE, new BigDecimal("-1E+30"),
                new BigDecimal("123456789012345678901234567890.123456789"), new BigDecimal("-0.000000005"));
        assertSameBytes(PerformanceItems.point(far), far);
        EquityPoint early = new EquityPoint(Instant.MIN, Long.MIN_VALUE, BigDecimal.ZERO, BigDecimal.ONE.negate(),
                new BigDecimal("1E-20"));
        assertSameBytes(PerformanceItems.point(early), early);
        for (String name : NAMES) {
            RoundTrip trip = new RoundTrip(name, name, name, null, 0, null, 0, null, null, null, null, null, null, 0);
            assertSameBytes(PerformanceItems.trip(trip), trip);
        }
        for (int from = 0; from <= Character.MAX_VALUE; from += 256) {
            StringBuilder every = new StringBuilder();
            for (int c = from; c < from + 256; c++) {
                every.append((char) c);
            }
            String name = every.toString();
            RoundTrip trip = new RoundTrip(name, "i", "LONG", BigDecimal.ONE, 1, Instant.EPOCH, 2, Instant.EPOCH,
                    null, null, null, null, null, 0);
            assertSameBytes(PerformanceItems.trip(trip), trip);
        }
    }

    private static void assertSameBytes(byte[] handWritten, Object item) {
        byte[] jsonb = Json.bytes(PerformanceJson.tree(item));
        assertThat(new String(handWritten, StandardCharsets.UTF_8))
                .isEqualTo(new String(jsonb, StandardCharsets.UTF_8));
        assertThat(handWritten).isEqualTo(jsonb);
    }

    /** A decimal of any sign, 0 to 40 digits and scale -5 to 14, or null. */
    private BigDecimal decimal() {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> BigDecimal.valueOf(random.nextLong(-1_000_000_000L, 1_000_000_000L), 8);
            case 2 -> BigDecimal.valueOf(random.nextLong(), random.nextInt(-5, 15));
            default -> new BigDecimal(new BigInteger(random.nextInt(1, 134), random)
                    .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)), random.nextInt(0, 13));
        };
    }

    private Instant time() {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> Instant.ofEpochSecond(random.nextLong(-100_000_000_000L, 100_000_000_000L),
                    random.nextInt(1_000_000_000));
            default -> Instant.ofEpochSecond(random.nextLong(1_500_000_000L, 2_000_000_000L) / 60 * 60);
        };
    }

    private String name() {
        return random.nextInt(3) == 0 ? NAMES.get(random.nextInt(NAMES.size())) : "s" + random.nextInt(100);
    }
}
