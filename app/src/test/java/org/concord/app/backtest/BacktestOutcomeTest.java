package org.concord.app.backtest;

import org.concord.backtest.BacktestBaselines;
import org.concord.backtest.BacktestConfig;
import org.concord.backtest.BacktestReport;
import org.concord.chart.DisplayFormat;
import org.concord.coordination.CoordinationResult;
import org.concord.metrics.EquityCurve;
import org.concord.metrics.PerformanceMetrics;
import org.concord.metrics.TradingCosts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Backtest tab's metric rows as a person reads them: the minimal preset's run (no trade) showed "Win rate 0.00 %"
 * and "Profit factor 0.00", read as every trade lost; and "Always long (after costs) -98.65 %" stood under "Buy and
 * hold (after costs) +23.42 %" without saying that always-long is back-to-back round trips paying costs each time.
 */
class BacktestOutcomeTest {
    private static BacktestOutcome outcome(int trades, double winRate, double profitFactor) {
        return outcome(trades, winRate, profitFactor, 0);
    }

    private static BacktestOutcome outcome(int trades, double winRate, double profitFactor, double exposureAtTheEnd) {
        PerformanceMetrics m = new PerformanceMetrics(0, 0, 0, 0, 0, profitFactor, winRate, 0, 0, trades, 3, 365 * 24 * 60);
        EquityCurve.Data eq = new EquityCurve.Data(new long[]{0, 60_000, 120_000}, new double[]{10_000, 10_000, 10_250},
                new double[]{0, 0.4, exposureAtTheEnd});
        CoordinationResult c = new CoordinationResult("test", null, null, null, m, new TradingCosts(40, 12.5, 0.00125, 50_000, 5), eq, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, List.of(), 0, 0, 0, null);
        BacktestBaselines b = new BacktestBaselines(0, 0, 23.42, -98.65, 0, "HOLD", 5, 0.12, 9398);
        BacktestReport.Run run = new BacktestReport.Run(0, 0, 120_000, 3, 3, 3, 3, Map.of("HOLD", 3L), c, b);
        BacktestReport r = new BacktestReport(BacktestReport.FORMAT_VERSION, BacktestConfig.defaults(), null, null, "test data", List.of(), null, run, null, List.of());
        return BacktestOutcome.of("test", r, List.of(), DisplayFormat.UTC);
    }

    private static String cell(BacktestOutcome o, String metricPrefix) {
        return o.metrics().stream().filter(r -> r.metric().startsWith(metricPrefix)).findFirst().orElseThrow().values().get(0);
    }

    @Test
    void perTradeFiguresOfARunWithoutTradesSayThereWereNone() {
        BacktestOutcome none = outcome(0, 0, 0);
        assertThat(cell(none, "Win rate")).isEqualTo("n/a (no trades)");
        assertThat(cell(none, "Profit factor")).isEqualTo("n/a (no trades)");
        assertThat(cell(none, "Trades")).isEqualTo("0");

        BacktestOutcome some = outcome(17, 2.0 / 17, 0.4);
        assertThat(cell(some, "Win rate")).isEqualTo("11.76 %");
        assertThat(cell(some, "Profit factor")).isEqualTo("0.40");
    }

    @Test
    void aPositionHeldAtTheEndIsSaidBesideTheRoundTrips() {
        // seen in a walk-forward window: "Total return 2.50 %" beside "0 trades", the position never went back to flat
        BacktestOutcome held = outcome(0, 0, 0, 0.4);
        assertThat(cell(held, "Trades")).isEqualTo("0 closed; a position open at the end");
        assertThat(held.summary()).isEqualTo("test data; 3 bars traded, 0 trades, a position open at the end (40 fills); default risk limits, fixed-fractional sizing");
        BacktestOutcome threeAndOpen = outcome(3, 1.0 / 3, 0.5, 0.2);
        assertThat(cell(threeAndOpen, "Trades")).isEqualTo("3 closed; a position open at the end");
    }

    @Test
    void roundTripBaselinesNameTheirHorizonAndCost() {
        BacktestOutcome o = outcome(0, 0, 0);
        List<String> names = o.metrics().stream().map(BacktestOutcome.MetricRow::metric).toList();
        assertThat(names).contains("Buy and hold (after costs)", "Always long (5-bar round trips, 0.12 % per fill)",
                "Majority action (5-bar round trips, 0.12 % per fill)");
        assertThat(cell(o, "Always long")).isEqualTo("-98.65 %");
        assertThat(cell(o, "Buy and hold")).isEqualTo("23.42 %");
    }

    @Test
    void costsSayHowOftenTheRunTradedNotOnlyHowManyRoundTrips() {
        BacktestOutcome o = outcome(17, 2.0 / 17, 0.4);
        assertThat(cell(o, "Fills")).isEqualTo("40");
        assertThat(cell(o, "Fees")).isEqualTo("12.50 (0.13 % of initial equity)");
        assertThat(cell(o, "Turnover")).isEqualTo("5.0×");
        assertThat(o.summary()).isEqualTo("test data; 3 bars traded, 17 trades (40 fills); default risk limits, fixed-fractional sizing");
    }

    @Test
    void theReturnComesFirstWithItsBaselinesRightUnderIt() {
        List<String> names = outcome(17, 2.0 / 17, 0.4).metrics().stream().map(BacktestOutcome.MetricRow::metric).toList();
        assertThat(names.subList(0, 6)).containsExactly("Total return", "Buy and hold (after costs)", "Always flat",
                "Always long (5-bar round trips, 0.12 % per fill)", "Majority action (5-bar round trips, 0.12 % per fill)",
                "Beats the baselines");
    }
}
