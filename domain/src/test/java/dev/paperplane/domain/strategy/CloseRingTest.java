package dev.paperplane.domain.strategy;

import static dev.paperplane.domain.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CloseRingTest {

    private static BigDecimal exactMean(PriceWindow window, int from, int to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal close : window.closes().subList(from, to)) {
            sum = sum.add(close);
        }
        return Decimals.divide(sum, BigDecimal.valueOf(to - from));
    }

    private static CloseRing ring(int capacity, String... closes) {
        CloseRing ring = new CloseRing(PriceWindow.empty(capacity));
        for (String close : closes) {
            ring.append(d(close));
        }
        return ring;
    }

    @Test
    void holdsWhatTheImmutableWindowHoldsAcrossWrapArounds() {
        SplittableRandom random = new SplittableRandom(19);
        CloseRing ring = new CloseRing(PriceWindow.empty(5));
        PriceWindow window = PriceWindow.empty(5);
        for (int i = 0; i < 40; i++) {
            // units of 10^-9 too, so that some closes are rounded HALF_EVEN as they enter
            BigDecimal close = BigDecimal.valueOf(random.nextLong(1, 1_000_000_000_000L), 9);
            ring.append(close);
            window = window.append(close);

            assertThat(ring.window()).isEqualTo(window);
            assertThat(ring.size()).isEqualTo(window.size());
            for (int j = 0; j < ring.size(); j++) {
                assertThat(ring.close(j)).isEqualTo(window.closes().get(j));
                assertThat(ring.unscaled(j)).isEqualTo(Decimals.unscaled(window.closes().get(j)));
            }
        }
    }

    @Test
    void theWindowIsMadeOnceUntilTheNextAppend() {
        PriceWindow start = PriceWindow.empty(3).append(d("1")).append(d("2"));
        CloseRing ring = new CloseRing(start);

        assertThat(ring.window()).isSameAs(start);
        ring.append(d("3"));
        PriceWindow after = ring.window();
        assertThat(after.closes()).containsExactly(d("1"), d("2"), d("3"));
        assertThat(ring.window()).isSameAs(after);
    }

    @Test
    void resizingKeepsTheLatestCloses() {
        CloseRing ring = ring(4, "1", "2", "3", "4", "5");

        assertThat(ring.resized(4)).isSameAs(ring);
        assertThat(ring.resized(2).window()).isEqualTo(new PriceWindow(2, List.of(d("4"), d("5"))));
        assertThat(ring.resized(6).window()).isEqualTo(new PriceWindow(6, List.of(d("2"), d("3"), d("4"), d("5"))));
    }

    @Test
    void meansAreRoundedAsDecimalsDivideRoundsThem() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 2_000; trial++) {
            int capacity = random.nextInt(1, 9);
            CloseRing ring = new CloseRing(PriceWindow.empty(capacity));
            for (int i = 0; i < capacity; i++) {
                // small signed values: many quotients end on exactly half a unit, odd and even
                ring.append(BigDecimal.valueOf(random.nextLong(-40, 40), Decimals.SCALE));
            }
            int from = random.nextInt(0, capacity);
            int to = random.nextInt(from + 1, capacity + 1);

            assertThat(ring.mean(from, to)).as("%s [%d, %d)", ring.window(), from, to)
                    .isEqualTo(exactMean(ring.window(), from, to));
        }
    }

    @Test
    void aCloseBeyondALongKeepsTheMeanExactUntilItLeavesTheRing() {
        // unscaled, 100 billion is 10^19, beyond a long
        CloseRing ring = ring(3, "100000000000.00000001", "1", "2");

        assertThat(ring.mean(0, 3)).isEqualTo(exactMean(ring.window(), 0, 3)).isEqualTo(d("33333333334.33333334"));
        assertThatThrownBy(() -> ring.sum(1, 3)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> ring.unscaled(0)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("100000000000.00000001");

        ring.append(d("3"));

        assertThat(ring.sum(0, 3)).isEqualTo(600_000_000L);
        assertThat(ring.mean(0, 3)).isEqualTo(d("2"));
    }

    @Test
    void aSumBeyondALongFallsBackToTheExactMean() {
        // each fits a long (9·10^18 unscaled), their sum does not
        CloseRing ring = ring(3, "90000000000", "90000000000.00000001", "90000000000.00000002");

        assertThat(ring.mean(0, 3)).isEqualTo(d("90000000000.00000001"));
        assertThat(ring.mean(1, 3)).isEqualTo(exactMean(ring.window(), 1, 3)).isEqualTo(d("90000000000.00000002"));
    }

    @Test
    void indicesOutsideTheClosesHeldAreRefused() {
        CloseRing ring = ring(3, "1");

        assertThatThrownBy(() -> ring.close(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ring.unscaled(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
