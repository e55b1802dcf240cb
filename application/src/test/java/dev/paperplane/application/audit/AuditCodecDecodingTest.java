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
import java.time.Instant;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditCodecDecodingTest {

    private static final String BAR = "{\"seq\":1,\"type\":\"MarketBarObserved\",\"time\":\"2024-01-02T09:30:00Z\","
            + "\"payload\":{\"instrument\":\"ACME\",\"open\":\"100.00000000\",\"high\":\"101.50000000\","
            + "\"low\":\"99.25000000\",\"close\":\"100.75000000\",\"volume\":\"1200.00000000\"}}";
    private static final String DECISION = "{\"seq\":1,\"type\":\"DecisionRecorded\","
            + "\"time\":\"2024-01-02T09:30:00Z\",\"payload\":{\"strategyId\":\"ma-fast\",\"strategyVersion\":1,"
            + "\"instrument\":\"ACME\",\"action\":\"BUY\",\"quantity\":\"10.00000000\","
            + "\"reason\":\"fast MA crossed above slow MA\","
            + "\"indicators\":{\"fastMa\":\"100.50000000\",\"slowMa\":\"99.75000000\"}}}";
    private static final String COMPLETED = "{\"seq\":1,\"type\":\"SessionCompleted\","
            + "\"time\":\"2024-01-02T10:30:00Z\",\"payload\":{\"bars\":390,\"decisions\":12,\"fills\":10,"
            + "\"rejections\":2,\"equity\":\"10012.34567890\"}}";

    private static AuditRecord roundTrip(AuditEvent event) {
        EncodedRecord sealed = AuditCodec.seal(ChainHead.GENESIS, event);
        return AuditCodec.open(ChainHead.GENESIS, sealed.line(), 0, sealed.line().length - 1);
    }

    static Stream<AuditEvent> everyEventType() {
        return SampleEvents.oneOfEach().stream();
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void everyEventTypeRoundTripsToAnEqualEventWithTheSameHash(AuditEvent event) {
        EncodedRecord sealed = AuditCodec.seal(ChainHead.GENESIS, event);
        AuditRecord opened = AuditCodec.open(ChainHead.GENESIS, sealed.line(), 0, sealed.line().length - 1);
        assertThat(opened.event()).isEqualTo(event);
        assertThat(opened.seq()).isEqualTo(1);
        assertThat(opened.hash()).isEqualTo(sealed.hash());
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void reSealingADecodedEventGivesTheSameBytes(AuditEvent event) {
        EncodedRecord sealed = AuditCodec.seal(ChainHead.GENESIS, event);
        AuditRecord opened = AuditCodec.open(ChainHead.GENESIS, sealed.line(), 0, sealed.line().length - 1);
        assertThat(AuditCodec.seal(ChainHead.GENESIS, opened.event()).line()).isEqualTo(sealed.line());
    }

    @Test
    void aLineInsideALargerBufferIsOpenedAtItsOffset() {
        EncodedRecord sealed = AuditCodec.seal(ChainHead.GENESIS, SampleEvents.fill());
        byte[] buffer = new byte[sealed.line().length + 10];
        System.arraycopy(sealed.line(), 0, buffer, 7, sealed.line().length);
        assertThat(AuditCodec.open(ChainHead.GENESIS, buffer, 7, sealed.line().length - 1).event())
                .isEqualTo(SampleEvents.fill());
    }

    @Test
    void unicodeAndControlCharactersRoundTrip() {
        DecisionRecorded event = new DecisionRecorded(T0, "s", 1, "ACME", Action.BUY, d("1"),
                "caf\u00e9 \u20ac \"q\" \\ \n\t\u0000\u001f\u007f\u2028\uD83D\uDE00", new TreeMap<>());
        assertThat(roundTrip(event).event()).isEqualTo(event);
    }

    @Test
    void extremeIntegersAndLargeOrNegativeDecimalsRoundTrip() {
        SessionCompleted event = new SessionCompleted(T0, Long.MAX_VALUE, Long.MIN_VALUE, 0, -7,
                new BigDecimal("-123456789012345678901234.12345678"));
        assertThat(roundTrip(event).event()).isEqualTo(event);
    }

    static Stream<Instant> instants() {
        return Stream.of(T0, T0.plusMillis(1), T0.plusNanos(1000), T0.plusNanos(1), T0.plusNanos(123_456_789),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-30T12:00:00.250Z"),
                Instant.parse("2024-02-29T00:00:00Z"));
    }

    @ParameterizedTest
    @MethodSource("instants")
    void everyInstantRoundTrips(Instant time) {
        SessionCompleted event = new SessionCompleted(time, 1, 0, 0, 0, d("1"));
        assertThat(roundTrip(event).event()).isEqualTo(event);
    }

    @Test
    void aCanonicalLineWrittenByHandIsAccepted() {
        assertThat(Lines.openAfterGenesis(Lines.sealAfterGenesis(BAR)).event()).isEqualTo(SampleEvents.bar());
    }

    static Stream<Arguments> nonCanonicalVariations() {
        return Stream.of(
                Arguments.of("space after a colon", BAR.replace("\"seq\":1", "\"seq\": 1"), "seq must be an integer"),
                Arguments.of("space between fields", BAR.replace(",\"type\"", ", \"type\""), "expected"),
                Arguments.of("newline inside", BAR.replace(",\"payload\"", ",\n\"payload\""), "expected"),
                Arguments.of("fields out of order", "{\"type\":\"MarketBarObserved\",\"seq\":1"
                        + BAR.substring(BAR.indexOf(",\"time\"")), "expected {\"seq\":"),
                Arguments.of("payload fields out of order",
                        BAR.replace("\"open\":\"100.00000000\",\"high\":\"101.50000000\"",
                                "\"high\":\"101.50000000\",\"open\":\"100.00000000\""), "expected ,\"open\":"),
                Arguments.of("an extra payload field", BAR.replace("}}", ",\"extra\":1}}"), "expected"),
                Arguments.of("seq with a leading zero", BAR.replace("\"seq\":1", "\"seq\":01"), "leading zero"),
                Arguments.of("integer with a leading zero", COMPLETED.replace("390", "0390"), "leading zero"),
                Arguments.of("integer with a plus sign", COMPLETED.replace("390", "+390"), "integer"),
                Arguments.of("negative zero integer", COMPLETED.replace("\"fills\":10", "\"fills\":-0"), "negative zero"),
                Arguments.of("decimal with 7 digits", BAR.replace("\"99.25000000\"", "\"99.2500000\""), "8 fraction digits"),
                Arguments.of("decimal with 9 digits", BAR.replace("\"99.25000000\"", "\"99.250000000\""), "8 fraction digits"),
                Arguments.of("decimal without fraction", BAR.replace("\"1200.00000000\"", "\"1200\""), "8 fraction digits"),
                Arguments.of("decimal with a leading zero", BAR.replace("\"99.25000000\"", "\"099.25000000\""), "leading zero"),
                Arguments.of("decimal with an exponent", BAR.replace("\"1200.00000000\"", "\"1.2E+3\""), "8 fraction digits"),
                Arguments.of("decimal as a JSON number", BAR.replace("\"99.25000000\"", "99.25000000"), "expected \""),
                Arguments.of("decimal with a plus sign", BAR.replace("\"99.25000000\"", "\"+99.25000000\""), "start with a digit"),
                Arguments.of("decimal negative zero", COMPLETED.replace("\"10012.34567890\"", "\"-0.00000000\""), "zero has no sign"),
                Arguments.of("unknown type", BAR.replace("MarketBarObserved", "MarketBarSeen"), "unknown record type"),
                Arguments.of("enum in lower case", DECISION.replace("\"BUY\"", "\"buy\""), "unknown action"),
                Arguments.of("time with zero millis", BAR.replace("09:30:00Z", "09:30:00.000Z"), "not canonical"),
                Arguments.of("time with six digits where three do", BAR.replace("09:30:00Z", "09:30:00.500000Z"), "not canonical"),
                Arguments.of("time with one fraction digit", BAR.replace("09:30:00Z", "09:30:00.5Z"), "not canonical"),
                Arguments.of("time with an offset", BAR.replace("09:30:00Z", "09:30:00+00:00"), "not canonical"),
                Arguments.of("time in lower case", BAR.replace("09:30:00Z", "09:30:00z"), "not canonical"),
                Arguments.of("time on a day that does not exist", BAR.replace("2024-01-02", "2023-02-29"), "ISO-8601"),
                Arguments.of("escape \\n", DECISION.replace("fast MA", "fast\\nMA"), "non-canonical escape"),
                Arguments.of("escape \\/", DECISION.replace("fast MA", "fast\\/MA"), "non-canonical escape"),
                Arguments.of("upper-case unicode escape", DECISION.replace("fast MA", "fast\\u000AMA"), "non-canonical escape"),
                Arguments.of("unicode escape of a printable", DECISION.replace("fast MA", "f\\u0061st MA"), "non-canonical escape"),
                Arguments.of("raw tab in a string", DECISION.replace("fast MA", "fast\tMA"), "raw control character"),
                Arguments.of("unsorted map keys", DECISION.replace("\"fastMa\":\"100.50000000\",\"slowMa\":\"99.75000000\"",
                        "\"slowMa\":\"99.75000000\",\"fastMa\":\"100.50000000\""), "ascending order"),
                Arguments.of("duplicate map keys", DECISION.replace("\"slowMa\"", "\"fastMa\""), "ascending order"),
                Arguments.of("a rule of the domain broken", DECISION.replace("\"BUY\"", "\"HOLD\""), "domain rule"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonCanonicalVariations")
    void aCorrectlyHashedButNonCanonicalLineIsRejected(String variation, String canonicalish, String reason) {
        assertThat(canonicalish).as("the variation must change the record").isNotIn(BAR, DECISION, COMPLETED);
        String line = Lines.sealAfterGenesis(canonicalish);
        assertThatThrownBy(() -> Lines.openAfterGenesis(line))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] canonical = DECISION.replace("fast MA", "fast\u0001MA").getBytes(StandardCharsets.ISO_8859_1);
        int at = DECISION.indexOf("fast MA") + 4;
        canonical[at] = (byte) 0xC0; // an overlong encoding of '/' starts here
        byte[] withSecond = new byte[canonical.length + 1];
        System.arraycopy(canonical, 0, withSecond, 0, at + 1);
        withSecond[at + 1] = (byte) 0xAF;
        System.arraycopy(canonical, at + 1, withSecond, at + 2, canonical.length - at - 1);
        String hash = sha(withSecond);
        byte[] line = (new String(withSecond, 0, withSecond.length - 1, StandardCharsets.ISO_8859_1)
                + ",\"hash\":\"" + hash + "\"}").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> AuditCodec.open(ChainHead.GENESIS, line, 0, line.length))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    private static String sha(byte[] canonical) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(Lines.ZERO_HASH);
            return java.util.HexFormat.of().formatHex(digest.digest(canonical));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSessionStartedWhoseFingerprintIsNotTheHashOfItsConfigIsRejectedAtTheFingerprint() {
        String started = new String(AuditCodec.seal(ChainHead.GENESIS, SampleEvents.oneOfEach().stream()
                .filter(e -> e instanceof dev.paperplane.domain.audit.SessionStarted).findFirst().orElseThrow())
                .line(), StandardCharsets.UTF_8);
        String canonical = started.substring(0, started.length() - 1 - 75) + "}";
        int at = canonical.indexOf("\"fingerprint\":\"") + "\"fingerprint\":".length();
        String recorded = canonical.substring(at + 1, at + 65);
        String forged = "0".repeat(64).equals(recorded) ? "1".repeat(64) : "0".repeat(64);
        String line = Lines.sealAfterGenesis(canonical.replace(recorded, forged));

        assertThatThrownBy(() -> Lines.openAfterGenesis(line))
                .isInstanceOfSatisfying(RecordFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo("the SessionStarted fingerprint " + forged + " is not the "
                            + "SHA-256 of its config, which hashes to " + recorded);
                    assertThat(e.position()).isEqualTo(at);
                });
    }

    @Test
    void aSeqThatDoesNotFollowThePreviousIsRejected() {
        String line = Lines.withHash(BAR.replace("\"seq\":1", "\"seq\":2"),
                Lines.sha256Hex(Lines.ZERO_HASH, BAR.replace("\"seq\":1", "\"seq\":2")));
        assertThatThrownBy(() -> Lines.openAfterGenesis(line))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("seq 2 does not follow seq 0 (expected 1)");
    }

    @Test
    void aWrongHashIsRejected() {
        String good = Lines.sealAfterGenesis(BAR);
        int digit = good.length() - 3;
        String bad = good.substring(0, digit) + (good.charAt(digit) == '0' ? '1' : '0') + good.substring(digit + 1);
        assertThatThrownBy(() -> Lines.openAfterGenesis(bad))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("chain hash mismatch at seq 1");
    }

    @Test
    void aRecordChainedToADifferentPredecessorIsRejected() {
        byte[] line = Lines.sealAfterGenesis(BAR.replace("\"seq\":1", "\"seq\":6")).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AuditCodec.open(new ChainHead(5, "1".repeat(64)), line, 0, line.length))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("chain hash mismatch");
    }

    @Test
    void anUpperCaseHashIsRejected() {
        String line = Lines.withHash(BAR, Lines.sha256Hex(Lines.ZERO_HASH, BAR).toUpperCase(java.util.Locale.ROOT));
        assertThatThrownBy(() -> Lines.openAfterGenesis(line))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("64 lowercase hex");
    }

    @Test
    void whitespaceAroundTheHashFieldIsRejected() {
        String line = Lines.sealAfterGenesis(BAR).replace(",\"hash\":", ", \"hash\":");
        assertThatThrownBy(() -> Lines.openAfterGenesis(line))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("does not end in");
    }

    @Test
    void theTrailingNewlineIsNotPartOfTheLine() {
        String line = Lines.sealAfterGenesis(BAR) + "\n";
        assertThatThrownBy(() -> Lines.openAfterGenesis(line)).isInstanceOf(RecordFormatException.class);
    }

    @Test
    void aTruncatedLineIsRejected() {
        String line = Lines.sealAfterGenesis(BAR);
        for (int cut = 0; cut < line.length(); cut++) {
            String truncated = line.substring(0, cut);
            assertThatThrownBy(() -> Lines.openAfterGenesis(truncated)).isInstanceOf(RecordFormatException.class);
        }
    }

    @Test
    void theRejectionNamesTheBytePositionOfTheProblem() {
        String canonicalish = BAR.replace("\"99.25000000\"", "\"099.25000000\"");
        String line = Lines.sealAfterGenesis(canonicalish);
        assertThatThrownBy(() -> Lines.openAfterGenesis(line))
                .isInstanceOfSatisfying(RecordFormatException.class,
                        e -> assertThat(e.position()).isEqualTo(canonicalish.indexOf("099.25")));
    }

    @Test
    void decodeUnverifiedReadsAWellFormedLineWhateverItsPredecessor() {
        String line = Lines.withHash(BAR.replace("\"seq\":1", "\"seq\":9"), "f".repeat(64));
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        AuditRecord record = AuditCodec.decodeUnverified(bytes, 0, bytes.length);
        assertThat(record.seq()).isEqualTo(9);
        assertThat(record.hash()).isEqualTo("f".repeat(64));
        assertThat(record.event()).isEqualTo(SampleEvents.bar());
    }

    @Test
    void claimedHeadReadsOnlyTheSeqAndHashFields() {
        byte[] bytes = Lines.withHash("{\"seq\":12,\"type\":garbage}", "a".repeat(64)).getBytes(StandardCharsets.UTF_8);
        assertThat(AuditCodec.claimedHead(bytes, 0, bytes.length)).isEqualTo(new ChainHead(12, "a".repeat(64)));
    }
}
