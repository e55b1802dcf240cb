package dev.paperplane.domain.strategy;

import static dev.paperplane.domain.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceWindowTest {

    @Test
    void emptyWindowHoldsNothing() {
        PriceWindow window = PriceWindow.empty(3);

        assertThat(window.size()).isZero();
        assertThat(window.full()).isFalse();
        assertThat(window.capacity()).isEqualTo(3);
    }

    @Test
    void appendKeepsClosesOldestFirst() {
        PriceWindow window = PriceWindow.empty(3).append(d("1")).append(d("2"));

        assertThat(window.closes()).containsExactly(d("1"), d("2"));
        assertThat(window.full()).isFalse();
    }

    @Test
    void appendBeyondCapacityDropsTheOldest() {
        PriceWindow window = PriceWindow.empty(3).append(d("1")).append(d("2")).append(d("3")).append(d("4"));

        assertThat(window.closes()).containsExactly(d("2"), d("3"), d("4"));
        assertThat(window.size()).isEqualTo(3);
        assertThat(window.full()).isTrue();
    }

    @Test
    void appendLeavesTheOriginalUnchanged() {
        PriceWindow window = PriceWindow.empty(2).append(d("1"));

        window.append(d("2"));

        assertThat(window.closes()).containsExactly(d("1"));
    }

    @Test
    void closesAreBroughtToTheCanonicalScale() {
        PriceWindow window = new PriceWindow(2, List.of(new BigDecimal("1.5")));

        assertThat(window.closes().getFirst().scale()).isEqualTo(8);
        assertThat(window).isEqualTo(PriceWindow.empty(2).append(d("1.5")));
    }

    @Test
    void moreClosesThanCapacityAreRefused() {
        assertThatThrownBy(() -> new PriceWindow(1, List.of(d("1"), d("2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity 1");
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> PriceWindow.empty(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
