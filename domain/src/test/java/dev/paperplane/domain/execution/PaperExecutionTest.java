package dev.paperplane.domain.execution;

import static dev.paperplane.domain.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.domain.decision.Action;
import org.junit.jupiter.api.Test;

class PaperExecutionTest {

    @Test
    void buyFillsAboveTheCloseBySlippage() {
        assertThat(PaperExecution.fillPrice(Action.BUY, d("100"), new FeeModel(5, 0))).isEqualTo(d("100.05"));
    }

    @Test
    void sellFillsBelowTheCloseBySlippage() {
        assertThat(PaperExecution.fillPrice(Action.SELL, d("100"), new FeeModel(5, 0))).isEqualTo(d("99.95"));
    }

    @Test
    void withoutSlippageBothSidesFillAtTheClose() {
        FeeModel free = new FeeModel(0, 0);

        assertThat(PaperExecution.fillPrice(Action.BUY, d("123.45678901"), free)).isEqualTo(d("123.45678901"));
        assertThat(PaperExecution.fillPrice(Action.SELL, d("123.45678901"), free)).isEqualTo(d("123.45678901"));
    }

    @Test
    void fillPriceIsRoundedHalfEvenAtScaleEight() {
        FeeModel half = new FeeModel(5_000, 0);

        // 0.00000003 × 1.5 = 0.000000045 → 0.00000004; × 0.5 = 0.000000015 → 0.00000002
        assertThat(PaperExecution.fillPrice(Action.BUY, d("0.00000003"), half)).isEqualTo(d("0.00000004"));
        assertThat(PaperExecution.fillPrice(Action.SELL, d("0.00000003"), half)).isEqualTo(d("0.00000002"));
    }

    @Test
    void holdHasNoFillPrice() {
        assertThatThrownBy(() -> PaperExecution.fillPrice(Action.HOLD, d("1"), new FeeModel(0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void feeIsBasisPointsOfTheNotional() {
        assertThat(PaperExecution.fee(d("1000"), new FeeModel(0, 10))).isEqualTo(d("1"));
        assertThat(PaperExecution.fee(d("1000"), new FeeModel(0, 0))).isEqualTo(d("0"));
    }

    @Test
    void feeIsRoundedHalfEvenAtScaleEight() {
        // 0.00000005 × 0.5 = 0.000000025 → 0.00000002; 0.00000007 × 0.5 = 0.000000035 → 0.00000004
        assertThat(PaperExecution.fee(d("0.00000005"), new FeeModel(0, 5_000))).isEqualTo(d("0.00000002"));
        assertThat(PaperExecution.fee(d("0.00000007"), new FeeModel(0, 5_000))).isEqualTo(d("0.00000004"));
    }

    @Test
    void notionalIsQuantityTimesPrice() {
        assertThat(PaperExecution.notional(d("2.5"), d("100.05"))).isEqualTo(d("250.125"));
    }
}
