package dev.paperplane.application.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-02T09:30:00Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00.5Z", "2023-06-30T23:59:59.123456Z",
            "1969-12-31T23:59:59.000000001Z", "2000-03-01T00:00:00.120Z"})
    void readsWhatInstantParseReads(String text) {
        assertThat(new UtcTime().parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-02T24:00:00Z",
            "2024-01-02T23:59:60Z", "2024-01-02T09:30:00", "2024-01-02T09:30:00+01:00", "2024-01-02t09:30:00z",
            "+12024-01-02T09:30:00Z", "2024-01-02T09:30:00.Z", "2024-01-02T09:30:00.1234567890Z", "2024-1-02T09:30:00Z",
            "２024-01-02T09:30:00Z", ""})
    void leavesEveryOtherFormToTheFormatter(String text) {
        assertThat(new UtcTime().parse(text)).isNull();
    }

    @Test
    void anInvalidDateAfterAValidOneOfTheSameMonthIsStillRefused() {
        UtcTime times = new UtcTime();
        assertThat(times.parse("2023-02-28T00:00:00Z")).isEqualTo(Instant.parse("2023-02-28T00:00:00Z"));
        assertThat(times.parse("2023-02-29T00:00:00Z")).isNull();
        assertThat(times.parse("2023-02-28T00:00:01Z")).isEqualTo(Instant.parse("2023-02-28T00:00:01Z"));
    }

    @Test
    void writesWhatIsoInstantWritesAcrossTheYearsItTakes() {
        SplittableRandom random = new SplittableRandom(19);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        int[] nanos = {0, 1, 120_000_000, 123_000_000, 123_456_000, 999_999_999, 500_000_000};
        byte[] out = new byte[UtcTime.MAX_LENGTH + 3];
        for (int i = 0; i < 20_000; i++) {
            Instant time = Instant.ofEpochSecond(random.nextLong(first, last + 1), nanos[i % nanos.length]);
            int end = UtcTime.formatTo(time, out, 3);
            assertThat(new String(out, 3, end - 3, StandardCharsets.US_ASCII))
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(time));
        }
    }

    @Test
    void writesNothingForYearsTheFormatterWritesWithASign() {
        byte[] out = new byte[UtcTime.MAX_LENGTH];
        assertThat(UtcTime.formatTo(Instant.MAX, out, 0)).isEqualTo(-1);
        assertThat(UtcTime.formatTo(Instant.parse("-0001-12-31T23:59:59Z"), out, 0)).isEqualTo(-1);
        assertThat(UtcTime.formatTo(Instant.parse("+10000-01-01T00:00:00Z"), out, 0)).isEqualTo(-1);
    }
}
