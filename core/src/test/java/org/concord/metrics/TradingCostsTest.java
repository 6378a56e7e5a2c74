package org.concord.metrics;

import org.concord.execution.OrderSide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.concord.metrics.PerformanceMetricsTest.fill;

class TradingCostsTest {
    @Test
    void oneRoundTripResizedTwiceIsFourFillsAndTheirNotional() {
        TradingCosts c = TradingCosts.of(List.of(
                fill(1, OrderSide.BUY, 1, 100, 0.1),
                fill(2, OrderSide.BUY, 0.5, 110, 0.055),  // resized up
                fill(3, OrderSide.SELL, 0.5, 120, 0.06),  // and down
                fill(4, OrderSide.SELL, 1, 130, 0.13)), 1_000);
        assertThat(TradeJournal.of(List.of(fill(1, OrderSide.BUY, 1, 100, 0.1), fill(4, OrderSide.SELL, 1, 130, 0.13)))).hasSize(1);
        assertThat(c.fills()).isEqualTo(4);
        assertThat(c.fees()).isCloseTo(0.345, within(1e-12));
        assertThat(c.feeShare()).isCloseTo(0.000345, within(1e-15));
        assertThat(c.tradedNotional()).isCloseTo(100 + 55 + 60 + 130, within(1e-9));
        assertThat(c.turnover()).isCloseTo(0.345, within(1e-12));
    }

    @Test
    void noFillsCostNothingAndBadInputIsRefused() {
        assertThat(TradingCosts.of(List.of(), 10_000)).isEqualTo(TradingCosts.NONE);
        assertThatThrownBy(() -> TradingCosts.of(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TradingCosts.of(List.of(), Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TradingCosts(-1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
