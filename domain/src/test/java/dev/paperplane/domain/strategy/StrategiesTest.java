package dev.paperplane.domain.strategy;

import static dev.paperplane.domain.Fixtures.maCrossover;
import static dev.paperplane.domain.Fixtures.meanReversion;
import static dev.paperplane.domain.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrategiesTest {

    @Test
    void createsTheMovingAverageCrossover() {
        Strategy strategy = Strategies.create(maCrossover("cross", 3, 8, "10"));

        assertThat(strategy).isInstanceOf(MovingAverageCrossover.class);
        assertThat(strategy.memorySize()).isEqualTo(9);
        assertThat(strategy.spec()).isEqualTo(maCrossover("cross", 3, 8, "10"));
    }

    @Test
    void createsTheMeanReversionBand() {
        Strategy strategy = Strategies.create(meanReversion("band", 20, "2.5", "1.25"));

        assertThat(strategy).isInstanceOf(MeanReversionBand.class);
        assertThat(strategy.memorySize()).isEqualTo(20);
    }

    @Test
    void unknownKindIsRefusedListingTheKnownKinds() {
        assertThatThrownBy(() -> Strategies.create(spec("x", "momentum", 1, "quantity", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strategy 'x'")
                .hasMessageContaining("unknown kind 'momentum'")
                .hasMessageContaining("ma-crossover (version 1)")
                .hasMessageContaining("mean-reversion (version 1)");
    }

    @Test
    void unknownVersionIsRefusedListingTheKnownVersion() {
        assertThatThrownBy(() -> Strategies.create(spec("x", "ma-crossover", 2, "fast", "1", "slow", "2",
                "quantity", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strategy 'x'")
                .hasMessageContaining("no version 2")
                .hasMessageContaining("known versions: 1");
    }

    @Test
    void missingParameterIsNamed() {
        assertThatThrownBy(() -> Strategies.create(spec("x", "ma-crossover", 1, "fast", "1", "quantity", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strategy 'x'")
                .hasMessageContaining("parameter 'slow' is missing")
                .hasMessageContaining("fast, quantity, slow");
    }

    @Test
    void extraParameterIsNamed() {
        assertThatThrownBy(() -> Strategies.create(spec("x", "mean-reversion", 1, "window", "5", "k", "2",
                "quantity", "1", "threshold", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strategy 'x'")
                .hasMessageContaining("parameter 'threshold' is not known")
                .hasMessageContaining("k, quantity, window");
    }

    @Test
    void nonIntegerWindowIsRefused() {
        assertThatThrownBy(() -> Strategies.create(meanReversion("x", 0, "2", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'window'")
                .hasMessageContaining("from 2 to 10000");
        assertThatThrownBy(() -> Strategies.create(spec("x", "mean-reversion", 1, "window", "2.5", "k", "2",
                "quantity", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'window' must be a whole number")
                .hasMessageContaining("'2.5'");
    }

    @Test
    void fastMustBeSmallerThanSlow() {
        assertThatThrownBy(() -> Strategies.create(maCrossover("x", 5, 5, "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strategy 'x'")
                .hasMessageContaining("'fast' (5) must be smaller than parameter 'slow' (5)");
    }

    @Test
    void malformedDecimalIsRefused() {
        assertThatThrownBy(() -> Strategies.create(maCrossover("x", 2, 5, "ten")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'quantity' must be a positive decimal")
                .hasMessageContaining("'ten'");
    }

    @Test
    void nonPositiveQuantityIsRefused() {
        assertThatThrownBy(() -> Strategies.create(maCrossover("x", 2, 5, "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'quantity' must be a positive plain decimal");
    }

    @Test
    void decimalWithMoreThanEightFractionDigitsIsRefusedRatherThanRounded() {
        assertThatThrownBy(() -> Strategies.create(meanReversion("x", 5, "1.000000001", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'k'")
                .hasMessageContaining("at most 8 fraction digits");
    }

    @Test
    void exponentNotationIsRefused() {
        assertThatThrownBy(() -> Strategies.create(meanReversion("x", 5, "2", "1E1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'quantity'");
    }
}
