package org.concord.metrics;

import org.concord.execution.Fill;
import org.concord.execution.Liquidity;
import org.concord.execution.OrderSide;
import org.concord.model.Symbol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerformanceMetricsTest {
    static final Symbol BTC = Symbol.of("BTCUSD");

    @Test
    void handWorkedCurve() {
        EquityCurve c = new EquityCurve(2);
        double[] e = {100, 110, 99, 121, 121};
        for (int i = 0; i < e.length; i++) {
            c.add(i, e[i], i == 4 ? 0 : 1);
        }
        // returns 0.1, -0.1, 0.2222.., 0
        double[] r = {0.1, -0.1, 22.0 / 99, 0};
        double mean = (r[0] + r[1] + r[2] + r[3]) / 4;
        double var = 0;
        double down = 0;
        for (double x : r) {
            var += (x - mean) * (x - mean);
            down += Math.min(0, x) * Math.min(0, x);
        }
        PerformanceMetrics m = PerformanceMetrics.of(c, List.of(), 252);
        assertThat(m.totalReturn()).isCloseTo(0.21, within(1e-12));
        assertThat(m.annualizedReturn()).as("4 daily returns are not a year: not annualized").isNaN();
        assertThat(m.sharpe()).isCloseTo(mean / Math.sqrt(var / 3) * Math.sqrt(252), within(1e-9));
        assertThat(m.sortino()).isCloseTo(mean / Math.sqrt(down / 4) * Math.sqrt(252), within(1e-9));
        assertThat(m.maxDrawdown()).isCloseTo(0.1, within(1e-12));
        assertThat(m.timeInMarket()).isCloseTo(0.8, within(1e-12));
        assertThat(m.periods()).isEqualTo(5);
    }

    @Test
    void annualizesAYearOrMoreOnly() {
        EquityCurve c = new EquityCurve(2);
        double[] e = {100, 110, 99, 121, 121};
        for (int i = 0; i < e.length; i++) {
            c.add(i, e[i], 0);
        }
        // 4 periods: a year at 4 per year, two years at 2, just under a year at 4.01
        assertThat(PerformanceMetrics.of(c, List.of(), 4).annualizedReturn()).isCloseTo(0.21, within(1e-12));
        assertThat(PerformanceMetrics.of(c, List.of(), 2).annualizedReturn()).isCloseTo(Math.sqrt(1.21) - 1, within(1e-12));
        assertThat(PerformanceMetrics.of(c, List.of(), 4.01).annualizedReturn()).isNaN();
        EquityCurve wiped = new EquityCurve(2);
        wiped.add(0, 100, 1);
        wiped.add(1, 0, 1);
        assertThat(PerformanceMetrics.of(wiped, List.of(), 1).annualizedReturn()).as("everything lost in a year").isEqualTo(-1);
        assertThat(PerformanceMetrics.of(new EquityCurve(2), List.of(), 1).annualizedReturn()).as("no curve").isNaN();
    }

    static Fill fill(long t, OrderSide side, double q, double p, double fee) {
        return new Fill(t, t, "c" + t, BTC, side, q, p, fee, Liquidity.TAKER, t, "x");
    }

    @Test
    void roundTripsFromFillsIncludingAFlip() {
        List<RoundTrip> trips = TradeJournal.of(List.of(
                fill(1, OrderSide.BUY, 1, 100, 0.1),
                fill(2, OrderSide.BUY, 1, 110, 0.1),   // average 105
                fill(3, OrderSide.SELL, 2, 120, 0.2),  // +30 gross, fees 0.4
                fill(4, OrderSide.SELL, 1, 120, 0.1),  // short 1 at 120
                fill(5, OrderSide.BUY, 3, 130, 0.3),   // closes -10 and flips long 2 at 130
                fill(6, OrderSide.SELL, 2, 125, 0.2)));  // -10
        assertThat(trips).hasSize(3);
        RoundTrip a = trips.get(0);
        assertThat(a.direction()).isEqualTo(1);
        assertThat(a.quantity()).isEqualTo(2);
        assertThat(a.entryPrice()).isCloseTo(105, within(1e-12));
        assertThat(a.exitPrice()).isEqualTo(120);
        assertThat(a.pnl()).isCloseTo(30 - 0.4, within(1e-12));
        RoundTrip b = trips.get(1);
        assertThat(b.direction()).isEqualTo(-1);
        assertThat(b.pnl()).isCloseTo(-10 - 0.1 - 0.1, within(1e-12)); // its open fee and a third of the flip's fee
        RoundTrip c = trips.get(2);
        assertThat(c.entryTime()).isEqualTo(5);
        assertThat(c.pnl()).isCloseTo(-10 - 0.2 - 0.2, within(1e-12));
        assertThat(PerformanceMetrics.profitFactor(trips)).isCloseTo(29.6 / (10.2 + 10.4), within(1e-12));
        assertThat(PerformanceMetrics.winRate(trips)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void synergyComparesTheCombinedSystemWithTheBucketsAlone() {
        Synergy s = Synergy.of(1_500, 1.8, Map.of("scalping", 300.0, "short", 700.0, "medium", -100.0), Map.of("scalping", 0.9, "short", 1.4, "medium", -0.2));
        assertThat(s.sumAlonePnl()).isEqualTo(900);
        assertThat(s.synergy()).isEqualTo(600);
        assertThat(s.relativeSynergy()).isCloseTo(600.0 / 900, within(1e-12));
        assertThat(s.sharpeUplift()).isCloseTo(0.4, within(1e-12));
    }
}
