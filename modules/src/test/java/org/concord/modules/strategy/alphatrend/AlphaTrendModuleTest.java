package org.concord.modules.strategy.alphatrend;

import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.modules.ModuleFixture;
import org.concord.orchestrator.Prediction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AlphaTrendModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");
    // the series of the indicator's hand-worked test: AlphaTrend(2, 1, RSI) line 20, 19, 18, 18, 18, 18, 19, 19, 19, 18.75
    // from bar 2; buy at bar 8, sell at bar 11
    static final double[][] HLC = {{20, 18, 19}, {19, 17, 18}, {18, 16, 17}, {17, 15, 16}, {16, 14, 15}, {17, 15, 16.5},
            {19, 17, 18.5}, {21, 19, 20.5}, {24, 22, 23.5}, {23, 20, 20.5}, {21, 17, 17.5}, {14, 12, 12.5}};

    private static Prediction after(ModuleFixture f, AlphaTrendModule m, BarSeries b, int i) {
        f.bar(m, b, i);
        return m.predictions(S).get(0);
    }

    @Test
    void forcesHoldBuyAndSell() throws Exception {
        ModuleFixture f = new ModuleFixture();
        AlphaTrendModule m = f.init(new AlphaTrendModule(), "period: 2\ncoefficient: 1.0\nmomentum: rsi", S);
        BarSeries b = ModuleFixture.bars(S, HLC);
        for (int i = 0; i < 5; i++) {
            Prediction p = after(f, m, b, i);
            assertThat(p.action()).isEqualTo(Action.HOLD);
            assertThat(p.rationale()).isEqualTo("warming up: " + (i + 1) + " of 5 bars");
        }
        Prediction p = after(f, m, b, 5);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.confidence()).isZero();
        // RSI(2) at bar 5: gain 0.75, loss 0.5 → 60
        assertThat(p.rationale()).isEqualTo("AlphaTrend 18, no signal yet; close 16.5, RSI(2)=60");
        after(f, m, b, 6);
        after(f, m, b, 7);
        p = after(f, m, b, 8);
        assertThat(p.action()).isEqualTo(Action.BUY);
        assertThat(p.confidence()).isEqualTo(1.0);
        // RSI: gain 2.34375, loss 0.0625, RS 37.5 → 97.40
        assertThat(p.rationale()).isEqualTo("AlphaTrend 19 crossed above its 2-bar lag 18; close 23.5, RSI(2)=97.4");
        // distance (23.5 − 19) / ATR 3 = 1.5
        assertThat(m.features(S)).containsExactly(new double[] {1, 1, 1, 1.5, 0, (100 - 100 / 38.5) / 100}, within(1e-12));
        assertThat(m.features(S)[5]).isCloseTo((100 - 100 / 38.5) / 100, within(1e-12));
        p = after(f, m, b, 9);
        assertThat(p.action()).isEqualTo(Action.BUY);
        assertThat(p.confidence()).isCloseTo(0.3 + 0.7 * Math.exp(-0.1), within(1e-12));
        assertThat(p.rationale()).isEqualTo("AlphaTrend 19, buy 1 bar ago; close 20.5, RSI(2)=43.4");
        p = after(f, m, b, 10);
        assertThat(p.rationale()).contains("buy 2 bars ago");
        p = after(f, m, b, 11);
        assertThat(p.action()).isEqualTo(Action.SELL);
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(p.rationale()).startsWith("AlphaTrend 18.75 crossed below its 2-bar lag 19; close 12.5, RSI(2)=");
        assertThat(m.features(S)[1]).isEqualTo(-1);
        assertThat(m.features(S)[2]).isEqualTo(-1);
    }

    @Test
    void settingsAreHonoured() throws Exception {
        ModuleFixture f = new ModuleFixture();
        // a wider band (coefficient 3) keeps the line from crossing on the same series
        AlphaTrendModule wide = f.init(new AlphaTrendModule(), "period: 2\ncoefficient: 3\nmomentum: rsi", S);
        BarSeries b = ModuleFixture.bars(S, HLC);
        for (int i = 0; i <= 8; i++) {
            f.bar(wide, b, i);
        }
        assertThat(wide.predictions(S).get(0).action()).isEqualTo(Action.HOLD);
        AlphaTrendModule dflt = f.init(new AlphaTrendModule(), "", S);
        assertThat(dflt.warmupBars()).isEqualTo(140);
        assertThat(dflt.featureNames()).containsExactly("ready", "trend", "signal", "distance", "age", "momentum");
        assertThatThrownBy(() -> f.init(new AlphaTrendModule(), "momentum: volume", S)).hasMessageContaining("one of mfi, rsi");
        assertThatThrownBy(() -> f.init(new AlphaTrendModule(), "coefficient: 0", S)).hasMessageContaining("positive");
        assertThatThrownBy(() -> f.init(new AlphaTrendModule(), "period: x", S)).hasMessageContaining("integer");
    }

    @Test
    void causalOnRealBarsWithVolume() throws Exception {
        ModuleFixture.assertCausal(AlphaTrendModule::new, "timeframe: 5m", BundledData.eth5mBars(), 300);
    }
}
