package dev.paperplane.domain.strategy;

import static dev.paperplane.domain.Fixtures.bar;
import static dev.paperplane.domain.Fixtures.d;
import static dev.paperplane.domain.Fixtures.maCrossover;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.domain.decision.Action;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MovingAverageCrossoverTest {
    private final Strategy strategy = Strategies.create(maCrossover("cross", 2, 3, "5"));

    private Signal decide(String... closes) {
        PriceWindow window = PriceWindow.empty(strategy.memorySize());
        for (String close : closes) {
            window = window.append(d(close));
        }
        return strategy.decide(window, bar("AAA", closes.length, closes[closes.length - 1]));
    }

    @Test
    void remembersOneCloseMoreThanTheSlowAverage() {
        assertThat(strategy.memorySize()).isEqualTo(4);
        assertThat(strategy.spec().id()).isEqualTo("cross");
    }

    @Test
    void holdsWhileFewerThanSlowPlusOneClosesAreKnown() {
        Signal signal = decide("10", "10", "13");

        assertThat(signal.action()).isEqualTo(Action.HOLD);
        assertThat(signal.quantity()).isEqualByComparingTo("0");
        assertThat(signal.reason()).contains("warming up").contains("3 of 4");
    }

    @Test
    void buysWhenTheFastAverageCrossesAboveTheSlowOne() {
        Signal signal = decide("10", "10", "10", "13");

        assertThat(signal.action()).isEqualTo(Action.BUY);
        assertThat(signal.quantity()).isEqualTo(d("5"));
        assertThat(signal.reason()).contains("crossed above");
        assertThat(signal.indicators())
                .containsEntry("fastMa", d("11.5"))
                .containsEntry("slowMa", d("11"))
                .containsEntry("previousFastMa", d("10"))
                .containsEntry("previousSlowMa", d("10"))
                .containsEntry("close", d("13"));
    }

    @Test
    void sellsWhenTheFastAverageCrossesBelowTheSlowOne() {
        Signal signal = decide("10", "10", "10", "7");

        assertThat(signal.action()).isEqualTo(Action.SELL);
        assertThat(signal.quantity()).isEqualTo(d("5"));
        assertThat(signal.reason()).contains("crossed below");
        assertThat(signal.indicators()).containsEntry("fastMa", d("8.5")).containsEntry("slowMa", d("9"));
    }

    @Test
    void holdsWhileTheFastAverageStaysAbove() {
        Signal signal = decide("10", "11", "12", "13");

        assertThat(signal.action()).isEqualTo(Action.HOLD);
        assertThat(signal.reason()).contains("no crossover");
        assertThat(signal.indicators()).containsEntry("fastMa", d("12.5")).containsEntry("slowMa", d("12"));
    }

    @Test
    void holdsWhileTheFastAverageStaysBelow() {
        assertThat(decide("13", "12", "11", "10").action()).isEqualTo(Action.HOLD);
    }

    @Test
    void holdsWhenTheAveragesMeetWithoutCrossing() {
        assertThat(decide("10", "10", "10", "10").action()).isEqualTo(Action.HOLD);
    }

    @Test
    void decidesOnTheLatestClosesOfALongerWindow() {
        PriceWindow window = new PriceWindow(6, List.of(d("50"), d("1"), d("10"), d("10"), d("10"), d("13")));

        assertThat(strategy.decide(window, bar("AAA", 6, "13")).action()).isEqualTo(Action.BUY);
    }

    @Test
    void averagesOfClosesBeyondALongAreExact() {
        // unscaled, 200 billion is 2·10^19, beyond a long: the averages are BigDecimal sums
        Signal signal = decide("200000000000", "200000000000", "200000000000", "200000000000.00000003");

        assertThat(signal.action()).isEqualTo(Action.BUY);
        assertThat(signal.indicators()).isEqualTo(new TreeMap<>(Map.of("close", d("200000000000.00000003"),
                "fastMa", d("200000000000.00000002"), "slowMa", d("200000000000.00000001"),
                "previousFastMa", d("200000000000"), "previousSlowMa", d("200000000000"))));
    }

    @Test
    void averagesOnAHalfUnitAreRoundedToEven() {
        // the fast MA(2) is 10.000000015, up to the even 10.00000002; a bar before it was 10.000000005, down to
        // the even 10.00000000
        Signal signal = decide("10", "10", "10.00000001", "10.00000002");

        assertThat(List.of("fastMa", "slowMa", "previousFastMa", "previousSlowMa")).map(signal.indicators()::get)
                .containsExactly(d("10.00000002"), d("10.00000001"), d("10"), d("10"));
    }
}
