package dev.paperplane.application.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packed rows keep every decimal exactly, packed or not, and a fork shares the rows below its base unchanged. */
class PackedRowsTest {
    private static final List<String> DECIMALS = List.of("0.00000000", "-0.00000001", "123.45678901",
            "9999999999.99999999", "-9999999999.99999999", "10000000000.00000000", "123456789012345678901.5",
            "1.5", "0", "-7.123456789");

    @Test
    void everyDecimalReadsBackEqualInValueAndScaleWhetherItFitsALongOrNot() {
        PackedRows rows = new PackedRows(2);
        for (String text : DECIMALS) {
            int row = rows.append();
            rows.setDecimal(row, 1, new BigDecimal(text));
            rows.set(row, 0, row * 7L);
        }
        for (int row = 0; row < DECIMALS.size(); row++) {
            assertThat(rows.decimal(row, 1)).isEqualTo(new BigDecimal(DECIMALS.get(row)));
            assertThat(rows.get(row, 0)).isEqualTo(row * 7L);
        }
    }

    @Test
    void aForkReadsTheSharedRowsFromItsRootAndCopiesTheRest() {
        PackedRows root = new PackedRows(1);
        for (int i = 0; i < 10_000; i++) {
            root.setDecimal(root.append(), 0, value(i));
        }
        PackedRows fork = root.fork(9_999);
        fork.setDecimal(9_999, 0, new BigDecimal("-1.00000000"));
        fork.setDecimal(fork.append(), 0, new BigDecimal("2E+40"));
        root.setDecimal(root.append(), 0, new BigDecimal("3.00000000"));
        PackedRows forkOfFork = fork.fork(fork.size());

        for (int i = 0; i < 9_999; i++) {
            assertThat(fork.decimal(i, 0)).isEqualTo(value(i));
            assertThat(forkOfFork.decimal(i, 0)).isEqualTo(value(i));
        }
        assertThat(List.of(fork.decimal(9_999, 0), fork.decimal(10_000, 0))).containsExactly(
                new BigDecimal("-1.00000000"), new BigDecimal("2E+40"));
        assertThat(List.of(forkOfFork.decimal(9_999, 0), forkOfFork.decimal(10_000, 0))).containsExactly(
                new BigDecimal("-1.00000000"), new BigDecimal("2E+40"));
        assertThat(List.of(root.decimal(9_999, 0), root.decimal(10_000, 0))).containsExactly(
                value(9_999), new BigDecimal("3.00000000"));
        assertThatThrownBy(() -> fork.set(5, 0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rowsReadBackAcrossEveryGrowthOfAChunkAndAForkOfOneRowHoldsNoFullChunk() {
        PackedRows rows = new PackedRows(3);
        for (int row = 0; row < 9_000; row++) {
            assertThat(rows.append()).isEqualTo(row);
            for (int column = 0; column < 3; column++) {
                rows.set(row, column, row * 3L + column);
            }
        }
        for (int row = 0; row < 9_000; row++) {
            for (int column = 0; column < 3; column++) {
                assertThat(rows.get(row, column)).isEqualTo(row * 3L + column);
            }
        }
        assertThat(rows.cellsHeld()).isEqualTo(3L * (4096 + 4096 + 4096));

        PackedRows checkpoint = rows.fork(rows.size() - 1);
        assertThat(checkpoint.get(8_999, 2)).isEqualTo(8_999 * 3L + 2);
        assertThat(checkpoint.cellsHeld()).as("a checkpoint's one own row").isEqualTo(3L * 16);
    }

    /** Every third value too wide for a long, the others packed (scale 8). */
    private static BigDecimal value(int i) {
        return i % 3 == 0 ? new BigDecimal("1E+30") : new BigDecimal(i + ".50000000");
    }
}
