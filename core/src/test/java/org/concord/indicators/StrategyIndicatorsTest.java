package org.concord.indicators;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ta4j.core.indicators.volume.MoneyFlowIndexIndicator;

import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The indicators the strategy modules added (MFI, SSL channel, Waddah Attar explosion, AlphaTrend): hand-worked
 * values, the MFI against ta4j's {@code MoneyFlowIndexIndicator} on the real bars, and properties on real data.
 * (Warm-up, incremental = batch, no lookahead and allocation are checked for them through {@link Catalogue}.)
 */
class StrategyIndicatorsTest {
    private static final double EPS = 1e-12;

    /** Bars from rows {high, low, close[, volume]}; open = close. */
    private static BarSeries bars(double[]... rows) {
        BarSeries s = new BarSeries(Symbol.of("TEST"), Timeframe.M1, rows.length);
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            s.append(i * 60_000L, r[2], r[0], r[1], r[2], r.length > 3 ? r[3] : 1);
        }
        return s;
    }

    @Test
    void mfiHandWorked() {
        // typical prices 9, 10, 9, 11, 11 with volumes 1, 2, 1, 3, 1: flows +20 (bar 1), −9 (bar 2), +33 (bar 3), none (bar 4)
        BarSeries s = bars(new double[] {10, 8, 9, 1}, new double[] {11, 9, 10, 2}, new double[] {10, 8, 9, 1},
                new double[] {12, 10, 11, 3}, new double[] {12, 10, 11, 1});
        double[][] m = Batch.run(new Mfi(2), s);
        assertThat(m[0][1]).isNaN();
        assertThat(m[0][2]).isCloseTo(100 * 20 / 29.0, within(EPS)); // 100 − 100/(1 + 20/9)
        assertThat(m[0][3]).isCloseTo(100 * 33 / 42.0, within(EPS));
        assertThat(m[0][4]).isEqualTo(100);                          // no falling bar in the window
        assertThat(m[1][3]).isEqualTo(33);
        assertThat(m[2][3]).isEqualTo(9);
        BarSeries flat = bars(new double[] {10, 8, 9}, new double[] {10, 8, 9}, new double[] {10, 8, 9});
        assertThat(Batch.values(new Mfi(2), flat)[2]).as("no change at all").isEqualTo(50);
        assertThat(new Mfi(3).unstableBars()).isEqualTo(3);
        assertThat(new Mfi(3).period()).isEqualTo(3);
        assertThat(new Mfi(3).toString()).isEqualTo("MFI(3)");
        assertThatThrownBy(() -> new Mfi(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @TestFactory
    Stream<DynamicTest> mfiMatchesTa4jWhereTa4jDoesNotClampTheFlows() {
        return Stream.of(RealBars.bitstampUpdates(Timeframe.M1), RealBars.bitstampUpdates(Timeframe.M5),
                Updates.synthetic(RealBars.eth5m(), 3, 42)).map(u -> DynamicTest.dynamicTest(u.series().toString(), () -> {
            BarSeries s = u.series();
            double[][] batch = Batch.run(new Mfi(14), s);
            double[][] inc = u.drive(new Mfi(14));
            double[] ta = Oracle.values(new MoneyFlowIndexIndicator(RealBars.ta4j(s), 14), s.size());
            int compared = 0;
            int clamped = 0;
            double worst = 0;
            for (int i = 14; i < s.size(); i++) {
                assertThat(inc[0][i]).isEqualTo(batch[0][i]);
                // ta4j divides max(positive, 1) by max(negative, 1): only sums of at least 1 are the same formula
                if (batch[1][i] < 1 || batch[2][i] < 1) {
                    clamped++;
                    continue;
                }
                double r = Oracle.relErr(ta[i], batch[0][i]);
                assertThat(r).as("MFI at " + i + ": ta4j " + ta[i] + ", ours " + batch[0][i]).isLessThanOrEqualTo(Oracle.REL);
                worst = Math.max(worst, r);
                compared++;
            }
            assertThat(compared).isGreaterThan((s.size() - 14) / 2);
            System.out.printf(Locale.ROOT, "parity MFI(14) %s: %d bars compared, %d with a flow sum below 1 skipped, worst %.1e%n",
                    s, compared, clamped, worst);
        }));
    }

    @Test
    void sslChannelHandWorked() {
        // SSL(2): averages of the last two highs/lows; the state flips on a close beyond them
        BarSeries s = bars(new double[] {10, 8, 9}, new double[] {12, 10, 11}, new double[] {14, 12, 13.5},
                new double[] {13, 11, 12}, new double[] {10, 8, 9});
        double[][] o = Batch.run(new SslChannel(2), s);
        assertThat(o[0][0]).isNaN();
        // bar 1: smaHigh 11, smaLow 9, close 11 is neither above nor below: state 0, up = smaHigh
        assertThat(new double[] {o[0][1], o[1][1], o[2][1]}).containsExactly(11, 9, 0);
        // bar 2: smaHigh 13, smaLow 11, close 13.5 > 13: up
        assertThat(new double[] {o[0][2], o[1][2], o[2][2]}).containsExactly(13, 11, 1);
        // bar 3: 13.5 / 11.5, close 12 inside: keeps up
        assertThat(new double[] {o[0][3], o[1][3], o[2][3]}).containsExactly(13.5, 11.5, 1);
        // bar 4: 11.5 / 9.5, close 9 < 9.5: down, the lines swap (up = low average)
        assertThat(new double[] {o[0][4], o[1][4], o[2][4]}).containsExactly(9.5, 11.5, -1);
        SslChannel ssl = new SslChannel(2);
        Batch.run(ssl, s);
        assertThat(ssl.direction()).isEqualTo(-1);
        assertThat(ssl.value()).isEqualTo(9.5);
        assertThat(ssl.toString()).isEqualTo("SSL(2)");
        assertThatThrownBy(() -> new SslChannel(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void waddahAttarHandWorked() {
        // WAE(sensitivity 10, fast 2, slow 3, channel 2, mult 1, dead zone ATR(2) × 1); high/low = close ± 0.5
        double[] closes = {10, 11, 12, 14, 13, 16};
        double[][] rows = new double[closes.length][];
        for (int i = 0; i < closes.length; i++) {
            rows[i] = new double[] {closes[i] + 0.5, closes[i] - 0.5, closes[i]};
        }
        WaddahAttarExplosion w = new WaddahAttarExplosion(10, 2, 3, 2, 1, 2, 1);
        assertThat(w.unstableBars()).isEqualTo(3);
        double[][] o = Batch.run(w, bars(rows));
        assertThat(o[0][2]).isNaN();
        // EMA(2): 10.5, 11.5, 79/6, 235/18, 811/54; EMA(3): 11, 12.5, 51/4, 115/8
        // MACD: 1/2, 2/3, 11/36, 139/216 → t1 = Δ·10: 5/3, −65/18, 730/216
        assertThat(o[0][3]).isCloseTo(5 / 3.0, within(1e-9));
        assertThat(o[1][3]).isEqualTo(0);
        assertThat(o[0][4]).isEqualTo(0);
        assertThat(o[1][4]).isCloseTo(65 / 18.0, within(1e-9));
        assertThat(o[0][5]).isCloseTo(730 / 216.0, within(1e-9));
        // explosion = 2σ of the last two closes = |a − b|: 2, 1, 3
        assertThat(new double[] {o[2][3], o[2][4], o[2][5]}).containsExactly(new double[] {2, 1, 3}, within(EPS));
        // ATR(2), TR 1, 1.5, 1.5, 2.5, 1.5, 3.5: 1.25, 1.375, 1.9375, 1.71875, 2.609375
        assertThat(new double[] {o[3][3], o[3][4], o[3][5]}).containsExactly(new double[] {1.9375, 1.71875, 2.609375}, within(EPS));
        // signals: bar 3 up 5/3 < explosion 2: none; bar 4 down 3.61 > 1 and > 1.72: −1; bar 5 up 3.38 > 3 and > 2.61: +1
        assertThat(new double[] {o[4][3], o[4][4], o[4][5]}).containsExactly(0, -1, 1);
        assertThatThrownBy(() -> new WaddahAttarExplosion(0, 2, 3, 2, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WaddahAttarExplosion(1, 2, 3, 2, 1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WaddahAttarExplosion(1, 3, 3, 2, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new WaddahAttarExplosion().unstableBars()).isEqualTo(99);
    }

    @Test
    void alphaTrendHandWorked() {
        // AlphaTrend(2, 1, RSI): falls, then rises (buy at bar 8), then falls (sell at bar 11); worked in the comments
        BarSeries s = bars(new double[] {20, 18, 19}, new double[] {19, 17, 18}, new double[] {18, 16, 17},
                new double[] {17, 15, 16}, new double[] {16, 14, 15}, new double[] {17, 15, 16.5},
                new double[] {19, 17, 18.5}, new double[] {21, 19, 20.5}, new double[] {24, 22, 23.5},
                new double[] {23, 20, 20.5}, new double[] {21, 17, 17.5}, new double[] {14, 12, 12.5});
        AlphaTrend at = new AlphaTrend(2, 1, false);
        assertThat(at.unstableBars()).isEqualTo(5);
        double[][] o = Batch.run(at, s);
        // bar 2: RSI 0 (two falls), ATR (2 + 2)/2 = 2 → high + ATR = 20; then the line ratchets down 19, 18;
        // bar 5: RSI 60 → low − ATR = 13 < 18 keeps 18; bars 6, 7: 14.75, 16.5 keep 18; bar 8: 22 − 3 = 19;
        // bars 9, 10: RSI < 50, high + ATR above 19 keeps 19; bar 11: 14 + 4.75 = 18.75
        assertThat(o[0]).containsExactly(new double[] {Double.NaN, Double.NaN, 20, 19, 18, 18, 18, 18, 19, 19, 19, 18.75}, within(EPS));
        assertThat(o[1][4]).as("lagged line = line two bars ago").isEqualTo(20);
        // bar 8: 19 > line[2] = 18 and line[1] 18 <= line[3] 18: buy; bar 11: 18.75 < 19 and 19 >= 19: sell
        assertThat(o[2]).containsExactly(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 1, 0, 0, -1);
        assertThat(o[3]).containsExactly(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 1, 1, 1, -1);
        assertThat(at.signal()).isEqualTo(-1);
        assertThat(at.trend()).isEqualTo(-1);
        assertThat(at.atr()).isEqualTo(4.75);
        assertThat(at.momentum()).isLessThan(50);
        assertThat(at.toString()).isEqualTo("AlphaTrend(2,1.0,RSI)");
        assertThatThrownBy(() -> new AlphaTrend(2, 0, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlphaTrend(0, 1, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alphaTrendSignalsAlternateOnRealBars() {
        for (boolean volume : new boolean[] {true, false}) {
            double[][] o = Batch.run(new AlphaTrend(14, 1, volume), RealBars.bitstamp(Timeframe.M1));
            int last = 0;
            int signals = 0;
            for (int i = 17; i < o[2].length; i++) {
                int sig = (int) o[2][i];
                if (sig != 0) {
                    assertThat(sig).as("signal at " + i + " repeats the previous one").isNotEqualTo(last);
                    last = sig;
                    signals++;
                }
                assertThat((int) o[3][i]).isEqualTo(last);
            }
            assertThat(signals).as("signals on 9k real bars").isGreaterThan(20);
        }
    }

    @Test
    void waeExplosionsAndSslFlipsHappenOnRealBars() {
        BarSeries eth = RealBars.eth5m();
        double[][] w = Batch.run(new WaddahAttarExplosion(), RealBars.bitstamp(Timeframe.M1));
        long up = Stream.of(w[4]).flatMapToDouble(java.util.Arrays::stream).filter(x -> x == 1).count();
        long down = Stream.of(w[4]).flatMapToDouble(java.util.Arrays::stream).filter(x -> x == -1).count();
        assertThat(up).isPositive();
        assertThat(down).isPositive();
        double[][] ssl = Batch.run(new SslChannel(10), eth);
        int flips = 0;
        for (int i = 10; i < eth.size(); i++) {
            if (ssl[2][i] != ssl[2][i - 1]) {
                flips++;
            }
            assertThat(ssl[0][i] >= ssl[1][i]).as("up line above down line in an up state at " + i).isEqualTo(ssl[2][i] >= 0);
        }
        assertThat(flips).isGreaterThan(5);
    }
}
