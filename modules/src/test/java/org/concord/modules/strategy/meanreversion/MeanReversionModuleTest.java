package org.concord.modules.strategy.meanreversion;

import org.concord.feed.BundledData;
import org.concord.indicators.Adx;
import org.concord.indicators.BollingerBands;
import org.concord.indicators.Rsi;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.concord.orchestrator.Prediction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MeanReversionModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");

    /** A range with a sharp drop and a sharp spike, then a steady fall (oversold, but trending). */
    static BarSeries series() {
        BarSeries b = new BarSeries(S, Timeframe.M1, 512);
        double c = 100;
        int t = 0;
        for (int leg = 0; leg < 6; leg++) {
            int n = leg == 5 ? 45 : leg % 2 == 0 ? 80 : 5;
            for (int i = 0; i < n; i++) {
                double range = 100 + (i % 2 == 0 ? 0.4 : -0.4) + (i % 7 == 0 ? 0.3 : 0);
                c = switch (leg) {
                    case 1 -> c - 1.5;                           // sharp drop
                    case 3 -> c + 1.5;                           // sharp spike
                    case 5 -> c - 1.0;                           // steady fall
                    default -> i < 4 ? c + (range - c) / 2 : range; // back to the range in a few bars
                };
                b.append(t++ * 60_000L, c, c + 0.3, c - 0.3, c, 1);
            }
        }
        return b;
    }

    @Test
    void confidenceHandWorked() {
        // RSI 24 (depth 6/30 = 0.2), z −1.5 (depth 0.5): 0.5 + 0.05 + 0.125
        assertThat(MeanReversionModule.confidence(true, 24, -1.5, 30, 70, 1.0)).isCloseTo(0.675, within(1e-12));
        // RSI 85 (depth 15/30 = 0.5), z 2.5 (depth 1.5, capped at 1): 0.5 + 0.125 + 0.25
        assertThat(MeanReversionModule.confidence(false, 85, 2.5, 30, 70, 1.0)).isCloseTo(0.875, within(1e-12));
        // RSI 0 and z −3: capped at 1
        assertThat(MeanReversionModule.confidence(true, 0, -3, 30, 70, 1.0)).isEqualTo(1.0);
    }

    @Test
    void forcesBuySellAndBothHolds() throws Exception {
        ModuleFixture f = new ModuleFixture();
        MeanReversionModule m = f.init(new MeanReversionModule(), "", S);
        BarSeries b = series();
        Rsi rsi = new Rsi(14);
        BollingerBands bb = new BollingerBands(20, 2.0);
        Adx adx = new Adx(14);
        int buys = 0;
        int sells = 0;
        int gated = 0;
        int neutral = 0;
        for (int i = 0; i < b.size(); i++) {
            f.bar(m, b, i);
            rsi.onBar(b, i);
            bb.onBar(b, i);
            adx.onBar(b, i);
            Prediction p = m.predictions(S).get(0);
            if (!adx.isStable()) {
                assertThat(p.action()).isEqualTo(Action.HOLD);
                assertThat(p.rationale()).isEqualTo("warming up: " + (i + 1) + " of 28 bars");
                continue;
            }
            double r = rsi.value();
            double z = bb.zScore();
            boolean calm = adx.adx() < 25;
            if (calm && r < 30 && z < -1) {
                buys++;
                assertThat(p.action()).isEqualTo(Action.BUY);
                assertThat(p.confidence()).isCloseTo(MeanReversionModule.confidence(true, r, z, 30, 70, 1), within(1e-12));
                assertThat(p.rationale()).matches("RSI\\(14\\) [0-9.]+ < 30, z -[0-9.]+ < -1, ADX\\(14\\) [0-9.]+ < 25: oversold in a range");
                assertThat(m.features(S)[5]).isEqualTo(1);
            } else if (calm && r > 70 && z > 1) {
                sells++;
                assertThat(p.action()).isEqualTo(Action.SELL);
                assertThat(p.confidence()).isCloseTo(MeanReversionModule.confidence(false, r, z, 30, 70, 1), within(1e-12));
                assertThat(p.rationale()).endsWith(": overbought in a range").contains("> 70", "> +1");
                assertThat(m.features(S)[5]).isEqualTo(-1);
            } else {
                assertThat(p.action()).isEqualTo(Action.HOLD);
                if (!calm) {
                    gated += r < 30 && z < -1 ? 1 : 0;
                    assertThat(p.rationale()).matches("ADX\\(14\\) [0-9.]+ >= 25: trending, mean reversion off");
                    assertThat(m.features(S)[4]).isZero();
                } else {
                    neutral++;
                    assertThat(p.rationale()).endsWith(": no extreme");
                }
            }
            double[] x = m.features(S);
            assertThat(x[1]).isCloseTo(r / 100, within(1e-12));
            assertThat(x[2]).isCloseTo(z, within(1e-12));
            assertThat(x[3]).isCloseTo(adx.adx() / 100, within(1e-12));
        }
        assertThat(buys).as("oversold bars in the range").isPositive();
        assertThat(sells).as("overbought bars in the range").isPositive();
        assertThat(gated).as("oversold bars in the fall, gated off by ADX").isPositive();
        assertThat(neutral).isPositive();
    }

    @Test
    void theAdxGateIsASetting() throws Exception {
        ModuleFixture f = new ModuleFixture();
        // with adxMax 100 the steady fall's oversold bars are entries too
        MeanReversionModule open = f.init(new MeanReversionModule(), "adxMax: 100", S);
        BarSeries b = series();
        int buysInFall = 0;
        for (int i = 0; i < b.size(); i++) {
            f.bar(open, b, i);
            if (i > b.size() - 40 && open.predictions(S).get(0).action() == Action.BUY) {
                buysInFall++;
            }
        }
        assertThat(buysInFall).isPositive();
        assertThat(f.init(new MeanReversionModule(), "", S).warmupBars()).isEqualTo(200);
        assertThatThrownBy(() -> f.init(new MeanReversionModule(), "rsiLow: 80", S)).hasMessageContaining("rsiLow < rsiHigh");
        assertThatThrownBy(() -> f.init(new MeanReversionModule(), "bbPeriod: 1", S)).hasMessageContaining("bbPeriod");
        assertThatThrownBy(() -> f.init(new MeanReversionModule(), "zEntry: 0", S)).hasMessageContaining("zEntry");
    }

    @Test
    void causalOnRealBars() throws Exception {
        ModuleFixture.assertCausal(MeanReversionModule::new, "timeframe: 5m", BundledData.eth5mBars(), 300);
    }
}
