package org.concord.modules.strategy.supertrend;

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

class SupertrendModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");
    // {high, low, close}. Supertrend(2, 1): ATR 2, 2.5, 2.25, 3.875 from bar 1; worked below
    private static final double[][] HLC = {{11, 9, 10}, {11, 9, 10}, {13, 11, 12.5}, {14, 12, 13.5}, {12, 8, 8.5}};

    @Test
    void forcesHoldSellBuyAndSellHandWorked() throws Exception {
        ModuleFixture f = new ModuleFixture();
        SupertrendModule m = f.init(new SupertrendModule(), "atrPeriod: 2\nmultiplier: 1.0\ndecay: 10\nfloor: 0.3", S);
        assertThat(m.featureNames()).containsExactly("ready", "direction", "distance", "age", "cross");
        BarSeries b = ModuleFixture.bars(S, HLC);
        f.bar(m, b, 0);
        Prediction p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.confidence()).isZero();
        assertThat(p.rationale()).isEqualTo("warming up: 1 of 2 bars");
        assertThat(m.features(S)).containsOnly(0.0);
        assertThat(m.ready(S)).isFalse();

        // bar 1: first defined bar starts down on the basic bands (hl2 10 ± ATR 2): line = upper 12, no cross seen yet
        f.bar(m, b, 1);
        p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.SELL);
        assertThat(p.confidence()).isEqualTo(0.3);
        assertThat(p.rationale()).isEqualTo("close 10 below supertrend 12; ATR(2)=2");
        assertThat(p.sourceId()).isEqualTo("supertrend");
        assertThat(p.horizonBars()).isEqualTo(5);
        assertThat(p.time()).isEqualTo(2 * 60_000L);

        // bar 2: ATR 2.5, the upper band stays 12 (14.5 is not below it); close 12.5 > 12 turns the trend up
        f.bar(m, b, 2);
        p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.BUY);
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(p.rationale()).isEqualTo("close 12.5 crossed above supertrend 12; ATR(2)=2.5");
        // line = lower band 12 − 2.5 = 9.5: distance (12.5 − 9.5) / 2.5 = 1.2
        assertThat(m.features(S)).containsExactly(new double[] {1, 1, 1.2, 0, 1}, within(1e-12));

        // bar 3: ATR 2.25, lower band ratchets to 13 − 2.25 = 10.75; one bar after the cross: 0.3 + 0.7·e^(−1/10)
        f.bar(m, b, 3);
        p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.BUY);
        assertThat(p.confidence()).isCloseTo(0.3 + 0.7 * Math.exp(-0.1), within(1e-12));
        assertThat(p.rationale()).isEqualTo("close 13.5 above supertrend 10.75 (crossed 1 bar ago); ATR(2)=2.25");
        assertThat(m.features(S)).containsExactly(new double[] {1, 1, (13.5 - 10.75) / 2.25, 1, 0}, within(1e-12));

        // bar 4: TR 5.5, ATR 3.875; close 8.5 < lower 10.75 turns it down; the line is the upper band 10 + 3.875
        f.bar(m, b, 4);
        p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.SELL);
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(p.rationale()).isEqualTo("close 8.5 crossed below supertrend 10.75; ATR(2)=3.875");
        assertThat(m.features(S)).containsExactly(new double[] {1, -1, (8.5 - 13.875) / 3.875, 0, -1}, within(1e-12));

        m.onBarClose(S, org.concord.model.Timeframe.M5, 0, 1, 1, 1, 1, 1); // another timeframe: ignored
        assertThat(m.state(S).bars()).isEqualTo(5);
        m.reset();
        assertThat(m.state(S).bars()).isZero();
    }

    @Test
    void parametersComeFromTheSettings() throws Exception {
        ModuleFixture f = new ModuleFixture();
        SupertrendModule wide = f.init(new SupertrendModule(), "atrPeriod: 2\nmultiplier: 3.0", S);
        BarSeries b = ModuleFixture.bars(S, HLC);
        for (int i = 0; i < 3; i++) {
            f.bar(wide, b, i);
        }
        // with 3 × ATR the upper band is 10 + 6 = 16: close 12.5 does not cross it
        assertThat(wide.predictions(S).get(0).action()).isEqualTo(Action.SELL);
        SupertrendModule dflt = f.init(new SupertrendModule(), "", S);
        assertThat(dflt.warmupBars()).isEqualTo(100);
        assertThat(dflt.timeframes()).containsExactly(org.concord.model.Timeframe.M1);
        SupertrendModule custom = f.init(new SupertrendModule(), "timeframe: 5m\nhorizonBars: 3\nwarmupBars: 7", S);
        assertThat(custom.timeframes()).containsExactly(org.concord.model.Timeframe.M5);
        assertThat(custom.warmupBars()).isEqualTo(7);
        assertThat(custom.horizonBars()).isEqualTo(3);
    }

    @Test
    void badSettingsAreRefused() {
        ModuleFixture f = new ModuleFixture();
        assertThatThrownBy(() -> f.init(new SupertrendModule(), "atrPeriod: 0", S)).hasMessageContaining("atrPeriod");
        assertThatThrownBy(() -> f.init(new SupertrendModule(), "multiplier: -1", S)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> f.init(new SupertrendModule(), "floor: 2", S)).hasMessageContaining("floor");
        assertThatThrownBy(() -> f.init(new SupertrendModule(), "atrPeriood: 3", S))
                .hasMessageContaining("unknown setting [atrPeriood]");
        assertThatThrownBy(() -> new SupertrendModule().state(S)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void causalOnRealBars() throws Exception {
        ModuleFixture.assertCausal(SupertrendModule::new, "atrPeriod: 10\ntimeframe: 5m", BundledData.eth5mBars(), 300);
    }
}
