package org.concord.live;

import org.concord.execution.PaperBrokerConfig;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.live.TwoActionPositionRules.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A live session's paper account, worked by hand: 10,000 USD, 10 bps fees, 2 bps slippage, fills at the next bar's open. */
class SignalAccountTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private final SignalAccount a = new SignalAccount(PaperBrokerConfig.defaults(), BTC, Timeframe.M1);

    private void bar(int minute, double open, double high, double low, double close) {
        a.onBar(minute * 60_000L, open, high, low, close, 10);
    }

    @Test
    void aSignalFillsAtTheNextBarsOpenAfterSlippageAndEveryTradePaysItsFees() {
        bar(0, 100, 100, 100, 100);
        a.target(Side.LONG, 100);                  // 10,000 / 100 = 100 BTC
        assertThat(a.position()).as("known at the close: nothing fills before the next bar").isEqualTo("FLAT");

        bar(1, 101, 103, 100, 102);                // bought at 101 × 1.0002 = 101.0202, fee 10.10202
        assertThat(a.position()).isEqualTo("LONG");
        assertThat(a.entryPrice()).isCloseTo(101.0202, within(1e-9));
        assertThat(a.feesPct()).isCloseTo(0.1010202, within(1e-9));
        assertThat(a.realizedPct()).isCloseTo(-0.1010202, within(1e-9));
        assertThat(a.unrealizedPct()).isCloseTo(100 * (102 - 101.0202) / 100, within(1e-9));

        a.target(Side.FLAT, 102);
        bar(2, 104, 104, 103, 103);                // sold at 104 × 0.9998 = 103.9792, fee 10.39792
        assertThat(a.position()).isEqualTo("FLAT");
        assertThat(Double.isNaN(a.entryPrice())).isTrue();
        double net = 100 * (103.9792 - 101.0202) - 10.10202 - 10.39792;
        assertThat(a.realizedPct()).isCloseTo(net / 100, within(1e-9));
        assertThat(a.unrealizedPct()).isZero();
        assertThat(a.trades()).isEqualTo(1);
        assertThat(a.wins()).isEqualTo(1);

        a.target(Side.SHORT, 103);                 // the whole equity short: a margin account
        double shortQty = (10_000 + net) / 103;
        bar(3, 103, 105, 102, 105);                // sold at 103 × 0.9998
        assertThat(a.position()).isEqualTo("SHORT");
        assertThat(a.unrealizedPct()).isCloseTo(-shortQty * (105 - 103 * 0.9998) / 100, within(1e-6));

        a.target(Side.LONG, 105);                  // a flip: the short is closed by its own order, then the long opened
        bar(4, 106, 107, 105, 107);
        assertThat(a.position()).isEqualTo("LONG");
        assertThat(a.trades()).isEqualTo(2);
        assertThat(a.wins()).as("the short lost").isEqualTo(1);
        assertThat(a.realizedPct() + a.unrealizedPct()).as("the figures add up to the account's equity")
                .isCloseTo(100 * (a.equity() / 10_000 - 1), within(1e-9));
        assertThat(a.feesPct()).isGreaterThan(0.4);
        // the baseline beside it: the cash held since the first signal's fill at 101.0202, worth 107 now, less the
        // costs of buying (in the fill) and of selling at 107 (0.02 % slippage, 0.1 % fee)
        assertThat(a.buyHoldPct()).isBetween(100 * (107 * (1 - 0.0012) / (101.0202 * 1.001) - 1) - 0.01, 100 * (107 / 101.0202 - 1));
    }

    @Test
    void aSignalOvertakenBeforeAnyBarReplacesTheUnfilledOrder() {
        bar(0, 100, 100, 100, 100);
        a.target(Side.LONG, 100);
        a.target(Side.FLAT, 100);                  // a gap in the tape: no bar between the two signals
        bar(1, 101, 101, 101, 101);
        assertThat(a.position()).isEqualTo("FLAT");
        assertThat(a.feesPct()).isZero();
        assertThat(a.trades()).isZero();
        assertThatThrownBy(() -> a.target(Side.LONG, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
