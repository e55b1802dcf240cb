package dev.paperplane.application.audit;

import static dev.paperplane.application.contract.SampleEvents.T0;
import static dev.paperplane.application.contract.SampleEvents.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.SessionCompleted;
import dev.paperplane.domain.decision.Action;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AuditCodecEncodingTest {

    private static final String CONFIG = "{\"environment\":\"demo\",\"plane\":\"PAPER\","
            + "\"initialCash\":\"10000.00000000\",\"fees\":{\"slippageBps\":5,\"feeBps\":10},"
            + "\"risk\":{\"maxPosition\":\"100.00000000\",\"maxOrderNotional\":\"50000.00000000\","
            + "\"maxShort\":\"0.00000000\"},\"strategies\":["
            + "{\"id\":\"ma-fast\",\"kind\":\"ma-crossover\",\"version\":1,\"params\":{\"fast\":\"5\",\"slow\":\"20\"}},"
            + "{\"id\":\"breakout\",\"kind\":\"breakout\",\"version\":2,\"params\":{}}]}";
    /** SHA-256 of CONFIG, computed outside Java. */
    private static final String FINGERPRINT = "0e595688f0eb7035331c2417d032193d74d7593df77d86239058893419f139b4";

    private static EncodedRecord sealFirst(AuditEvent event) {
        return AuditCodec.seal(ChainHead.GENESIS, event);
    }

    private static void assertSealsTo(AuditEvent event, String expectedCanonical) {
        EncodedRecord record = sealFirst(event);
        String hash = Lines.sha256Hex(Lines.ZERO_HASH, expectedCanonical);
        String expectedLine = Lines.withHash(expectedCanonical, hash) + "\n";
        assertThat(new String(record.line(), StandardCharsets.UTF_8)).isEqualTo(expectedLine);
        assertThat(record.hash()).isEqualTo(hash);
        assertThat(record.seq()).isEqualTo(1);
    }

    @Test
    void configIsEncodedInItsCanonicalForm() {
        assertThat(AuditCodec.configJson(SampleEvents.config())).isEqualTo(CONFIG);
    }

    @Test
    void fingerprintIsSha256OfTheCanonicalConfig() {
        assertThat(ConfigFingerprint.of(SampleEvents.config())).isEqualTo(FINGERPRINT);
    }

    @Test
    void sessionStartedIsSealedToItsExactBytes() {
        assertSealsTo(SampleEvents.sessionStarted(), "{\"seq\":1,\"type\":\"SessionStarted\","
                + "\"time\":\"2024-01-02T09:30:00Z\",\"payload\":{\"fingerprint\":\"" + FINGERPRINT + "\","
                + "\"config\":" + CONFIG + ",\"feed\":{\"name\":\"bars.csv\",\"sha256\":\"" + "ab".repeat(32)
                + "\"}}}");
    }

    @Test
    void marketBarObservedIsSealedToItsExactBytes() {
        assertSealsTo(SampleEvents.bar(), "{\"seq\":1,\"type\":\"MarketBarObserved\","
                + "\"time\":\"2024-01-02T09:30:00Z\",\"payload\":{\"instrument\":\"ACME\",\"open\":\"100.00000000\","
                + "\"high\":\"101.50000000\",\"low\":\"99.25000000\",\"close\":\"100.75000000\","
                + "\"volume\":\"1200.00000000\"}}");
    }

    @Test
    void decisionRecordedIsSealedToItsExactBytes() {
        assertSealsTo(SampleEvents.decision(), "{\"seq\":1,\"type\":\"DecisionRecorded\","
                + "\"time\":\"2024-01-02T09:30:00Z\",\"payload\":{\"strategyId\":\"ma-fast\",\"strategyVersion\":1,"
                + "\"instrument\":\"ACME\",\"action\":\"BUY\",\"quantity\":\"10.00000000\","
                + "\"reason\":\"fast MA crossed above slow MA\","
                + "\"indicators\":{\"fastMa\":\"100.50000000\",\"slowMa\":\"99.75000000\"}}}");
    }

    @Test
    void orderRejectedIsSealedToItsExactBytes() {
        assertSealsTo(SampleEvents.rejection(), "{\"seq\":1,\"type\":\"OrderRejected\","
                + "\"time\":\"2024-01-02T09:30:00Z\",\"payload\":{\"strategyId\":\"ma-fast\",\"instrument\":\"ACME\","
                + "\"side\":\"BUY\",\"quantity\":\"1000.00000000\",\"price\":\"100.75000000\","
                + "\"rule\":\"MAX_POSITION\",\"limit\":\"100.00000000\",\"attempted\":\"1000.00000000\"}}");
    }

    @Test
    void paperOrderFilledIsSealedToItsExactBytes() {
        assertSealsTo(SampleEvents.fill(), "{\"seq\":1,\"type\":\"PaperOrderFilled\","
                + "\"time\":\"2024-01-02T09:30:00Z\",\"payload\":{\"strategyId\":\"ma-fast\",\"instrument\":\"ACME\","
                + "\"side\":\"SELL\",\"quantity\":\"10.00000000\",\"price\":\"100.69962500\","
                + "\"notional\":\"1006.99625000\",\"fee\":\"1.00699625\"}}");
    }

    @Test
    void sessionCompletedIsSealedToItsExactBytes() {
        assertSealsTo(SampleEvents.completed(), "{\"seq\":1,\"type\":\"SessionCompleted\","
                + "\"time\":\"2024-01-02T10:30:00Z\",\"payload\":{\"bars\":390,\"decisions\":12,\"fills\":10,"
                + "\"rejections\":2,\"equity\":\"10012.34567890\"}}");
    }

    @Test
    void aKnownRecordHasTheHashComputedOutsideJava() {
        assertThat(sealFirst(SampleEvents.bar()).hash())
                .isEqualTo("e5353ba5995bf346a5ea78cd0a7ec3988282fe7d195c6720fb78bc74a65da7d6");
    }

    @Test
    void eachRecordIsChainedToItsPredecessorsRawHash() {
        var records = SampleEvents.seal(ChainHead.GENESIS, SampleEvents.oneOfEach());
        assertThat(records).extracting(EncodedRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        for (int i = 1; i < records.size(); i++) {
            byte[] previous = java.util.HexFormat.of().parseHex(records.get(i - 1).hash());
            assertThat(records.get(i).hash()).isEqualTo(Lines.sha256Hex(previous, Lines.canonical(records.get(i))));
        }
        // computed outside Java over the same six canonical records
        assertThat(records.getLast().hash())
                .isEqualTo("c2017f558ac2821ade6bc582d4499ac658b6fee1d10009fe586cd7052e70846c");
    }

    @Test
    void decimalsAreWrittenAsToPlainStringWritesThem() {
        SplittableRandom random = new SplittableRandom(19);
        long[] edges = {0, 1, -1, 99_999_999, 100_000_000, -100_000_000, 999_999_999, 1_000_000_000,
                Long.MAX_VALUE, Long.MIN_VALUE + 1};
        for (int i = 0; i < 20_000; i++) {
            long unscaled = i < edges.length ? edges[i] : random.nextLong() >> random.nextInt(64);
            BigDecimal equity = BigDecimal.valueOf(unscaled, 8);
            // beyond a long too: the BigDecimal's own digits
            BigDecimal wide = equity.add(new BigDecimal("100000000000"));

            assertThat(AuditCodec.payloadJson(new SessionCompleted(T0, 1, 0, 0, 0, equity)))
                    .endsWith("\"equity\":\"" + equity.toPlainString() + "\"}");
            assertThat(AuditCodec.payloadJson(new SessionCompleted(T0, 1, 0, 0, 0, wide)))
                    .endsWith("\"equity\":\"" + wide.toPlainString() + "\"}");
        }
    }

    @Test
    void payloadJsonIsThePayloadObjectAlone() {
        assertThat(AuditCodec.payloadJson(SampleEvents.completed()))
                .isEqualTo("{\"bars\":390,\"decisions\":12,\"fills\":10,\"rejections\":2,\"equity\":\"10012.34567890\"}");
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscapedAndEverythingElseIsLiteralUtf8() {
        DecisionRecorded event = new DecisionRecorded(T0, "s", 1, "ACME", Action.BUY, d("1"),
                "caf\u00e9 \u20ac \"q\" \\ \n\t\u0000\u001f\u007f\u2028\uD83D\uDE00", new TreeMap<>());
        assertThat(AuditCodec.payloadJson(event)).contains("\"reason\":\"caf\u00e9 \u20ac \\\"q\\\" \\\\ "
                + "\\u000a\\u0009\\u0000\\u001f\u007f\u2028\uD83D\uDE00\"");
        String line = new String(sealFirst(event).line(), StandardCharsets.UTF_8);
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    }

    @Test
    void mapKeysAreWrittenInNaturalOrderWhateverTheMapsComparator() {
        TreeMap<String, BigDecimal> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.put("a", d("1"));
        reversed.put("b", d("2"));
        DecisionRecorded event = new DecisionRecorded(T0, "s", 1, "ACME", Action.SELL, d("1"), "r", reversed);
        assertThat(AuditCodec.payloadJson(event))
                .endsWith("\"indicators\":{\"a\":\"1.00000000\",\"b\":\"2.00000000\"}}");
    }

    @Test
    void timeIsWrittenAsIsoInstantWithTheFewestFractionGroups() {
        assertThat(Lines.text(sealFirst(new SessionCompleted(T0.plusMillis(500), 0, 0, 0, 0, d("0")))))
                .contains("\"time\":\"2024-01-02T09:30:00.500Z\"");
        assertThat(Lines.text(sealFirst(new SessionCompleted(T0.plusNanos(1000), 0, 0, 0, 0, d("0")))))
                .contains("\"time\":\"2024-01-02T09:30:00.000001Z\"");
    }

    @Test
    void aDecimalNotAtScaleEightIsRefusedRatherThanRounded() {
        SessionCompleted event = new SessionCompleted(T0, 1, 0, 0, 0, new BigDecimal("1.123456789"));
        assertThatThrownBy(() -> sealFirst(event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("equity 1.123456789 has scale 9");
    }

    @Test
    void aStringWithAnUnpairedSurrogateIsRefused() {
        DecisionRecorded event = new DecisionRecorded(T0, "s", 1, "ACME", Action.BUY, d("1"), "bad \uD83D",
                new TreeMap<>());
        assertThatThrownBy(() -> sealFirst(event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate");
    }

    @Test
    void sealContinuesFromThePreviousSeq() {
        EncodedRecord record = AuditCodec.seal(new ChainHead(41, "7".repeat(64)), SampleEvents.bar());
        assertThat(record.seq()).isEqualTo(42);
        assertThat(Lines.text(record)).startsWith("{\"seq\":42,");
    }
}
