package org.concord.backtest;

import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.training.RealBars;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The baselines beside a backtest, on the bundled real 1m bars (one day of them), each figure recomputed here by
 * hand from the bars: a cash account that buys, sells or shorts at the close and pays taker fee + slippage per fill.
 */
class BacktestBaselinesTest {
    private static final double COST_PER_SIDE_PCT = 0.10 + 0.02; // taker 10 bps + slippage 2 bps, the backtests' defaults

    private static BarSeries day() {
        BarSeries m1 = RealBars.bitstamp().get(Timeframe.M1);
        return m1.copyRange(1_440, 2 * 1_440);
    }

    /** Round trips of {@code h} bars back to back, the whole equity each time, long (+1) or short (-1). */
    private static double roundTripsPct(BarSeries b, int side, int h) {
        double c = COST_PER_SIDE_PCT / 100;
        double cash = 1;
        for (int i = 0; i + h < b.size(); i += h) {
            double entryCash = cash * (1 - c);               // the entry fill's fee and slippage
            double pnl = side * entryCash * (b.close(i + h) / b.close(i) - 1);
            cash = (entryCash + pnl) * (1 - c);              // the exit fill's
        }
        return 100 * (cash - 1);
    }

    @Test
    void eachBaselineIsWhatTheBarsGiveAfterCosts() {
        BarSeries bars = day();
        Map<String, Long> actions = Map.of("BUY", 120L, "SELL", 400L, "HOLD", 310L);
        BacktestBaselines b = BacktestBaselines.of(-0.015, bars, actions, 15, COST_PER_SIDE_PCT);

        // buy-and-hold: buy at the first close, sell at the last, one fee each way
        double c = COST_PER_SIDE_PCT / 100;
        double coins = 1 * (1 - c) / bars.close(0);
        double buyAndHold = 100 * (coins * bars.close(bars.size() - 1) * (1 - c) - 1);
        assertThat(bars.close(bars.size() - 1)).as("the day moved").isNotEqualTo(bars.close(0));
        assertThat(b.buyAndHoldPct()).isCloseTo(buyAndHold, within(1e-9));
        assertThat(b.buyAndHoldPct()).as("costs are charged").isLessThan(100 * (bars.close(bars.size() - 1) / bars.close(0) - 1));
        assertThat(b.alwaysFlatPct()).isZero();
        assertThat(b.alwaysLongPct()).isCloseTo(roundTripsPct(bars, 1, 15), within(1e-9));
        assertThat(b.majorityAction()).isEqualTo("SELL");
        assertThat(b.majorityPct()).as("SELL was decided most: short round trips").isCloseTo(roundTripsPct(bars, -1, 15), within(1e-9));
        assertThat(b.strategyPct()).isCloseTo(-1.5, within(1e-12));
        assertThat(b.bars()).isEqualTo(1_440);
        assertThat(b.describe()).contains(String.format(java.util.Locale.ROOT, "buy-and-hold %+.2f%%", buyAndHold))
                .contains("majority (SELL)").contains("after 0.12% per fill, 15-bar round trips");

        // the majority flat: its baseline is no trade
        assertThat(BacktestBaselines.of(0, bars, Map.of("BUY", 1L, "SELL", 1L, "HOLD", 5L), 15, COST_PER_SIDE_PCT).majorityPct()).isZero();
    }

    @Test
    void theStrategyBeatsTheBaselinesOnlyAboveTheBestOfThem() {
        BarSeries bars = day();
        Map<String, Long> actions = Map.of("BUY", 10L, "SELL", 2L, "HOLD", 3L);
        BacktestBaselines probe = BacktestBaselines.of(0, bars, actions, 15, COST_PER_SIDE_PCT);
        double best = Math.max(Math.max(0, probe.buyAndHoldPct()), Math.max(probe.alwaysLongPct(), probe.majorityPct()));
        assertThat(probe.bestBaselinePct()).isEqualTo(best);
        assertThat(BacktestBaselines.of((best + 0.01) / 100, bars, actions, 15, COST_PER_SIDE_PCT).beatsBaselines()).isTrue();
        assertThat(BacktestBaselines.of((best - 0.01) / 100, bars, actions, 15, COST_PER_SIDE_PCT).beatsBaselines()).isFalse();
        assertThat(BacktestBaselines.of(best / 100, bars, actions, 15, COST_PER_SIDE_PCT).beatsBaselines()).as("a tie is no lift").isFalse();
    }
}
