package dev.paperplane.application.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.domain.market.Bar;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyntheticFeedTest {

    private static String generate(int bars, List<String> instruments, long seed) {
        StringWriter out = new StringWriter();
        new SyntheticFeed(bars, instruments, seed).writeTo(out);
        return out.toString();
    }

    @Test
    void theSameArgumentsGiveTheSameBytes() {
        assertThat(generate(500, List.of("AAA", "BBB"), 7)).isEqualTo(generate(500, List.of("AAA", "BBB"), 7));
    }

    @Test
    void anotherSeedGivesAnotherFeed() {
        assertThat(generate(50, List.of("AAA"), 7)).isNotEqualTo(generate(50, List.of("AAA"), 8));
    }

    @Test
    void writesOneRowPerInstrumentAndBarAfterTheHeader() {
        String csv = generate(40, List.of("AAA", "BBB", "CCC"), 1);

        assertThat(csv.lines()).hasSize(1 + 40 * 3);
        assertThat(csv).startsWith(CsvFeed.HEADER + "\n2024-01-02T00:00:00Z,AAA,");
    }

    @Test
    void everyGeneratedLineIsAValidBarInTimeOrder() {
        String csv = generate(2_000, List.of("AAA", "BBB"), 42);
        CsvFeed feed = new CsvFeed(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "synthetic");
        List<Bar> bars = new ArrayList<>();
        for (Optional<Bar> bar = feed.next(); bar.isPresent(); bar = feed.next()) {
            bars.add(bar.get());
        }

        assertThat(bars).hasSize(4_000);
        assertThat(bars.get(bars.size() - 1).time()).isEqualTo(SyntheticFeed.START.plus(SyntheticFeed.STEP.multipliedBy(1_999)));
    }

    @Test
    void pricesMoveRatherThanStayFlat() {
        String csv = generate(300, List.of("AAA"), 3);

        assertThat(csv.lines().skip(1).map(line -> line.split(",")[5]).distinct().count()).isGreaterThan(100);
    }

    @Test
    void duplicateInstrumentsAreRefused() {
        assertThatThrownBy(() -> new SyntheticFeed(1, List.of("AAA", "AAA"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct");
    }
}
