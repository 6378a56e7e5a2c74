package org.concord.modules.strategy.ichimoku;

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

class IchimokuModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");
    // Ichimoku(1, 2, 3, 2): tenkan = this bar's mid, kijun = 2-bar mid, cloud at t = spans computed at t − 1
    private static final double[][] HLC = {{11, 9, 10}, {11, 9, 10}, {11, 9, 10}, {11, 9, 10}, {14, 12, 13.5},
            {15, 13, 14.5}, {13, 11, 11.5}, {13, 12, 12.8}, {16, 14, 15.5}, {15, 14.5, 14.8}};

    private static Prediction after(ModuleFixture f, IchimokuModule m, BarSeries b, int i) {
        f.bar(m, b, i);
        return m.predictions(S).get(0);
    }

    @Test
    void forcesEverySignalHandWorked() throws Exception {
        ModuleFixture f = new ModuleFixture();
        IchimokuModule m = f.init(new IchimokuModule(), "tenkan: 1\nkijun: 2\nsenkouB: 3\ndisplacement: 2", S);
        BarSeries b = ModuleFixture.bars(S, HLC);
        for (int i = 0; i < 3; i++) {
            assertThat(after(f, m, b, i).rationale()).isEqualTo("warming up: " + (i + 1) + " of 4 bars");
        }
        // bar 3: flat market, cloud 10/10, tenkan = kijun = 10
        Prediction p = after(f, m, b, 3);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.rationale()).isEqualTo("close 10 inside cloud 10–10; tenkan 10 = kijun 10");
        // bar 4: tenkan 13 > kijun (14 + 9)/2 = 11.5 and close 13.5 above the flat cloud 10: breakout + TK cross
        p = after(f, m, b, 4);
        assertThat(p.action()).isEqualTo(Action.BUY);
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(p.rationale()).isEqualTo("close 13.5 broke above cloud 10; tenkan 13 crossed above kijun 11.5");
        assertThat(m.features(S)).containsExactly(new double[] {1, 1, 1, 1, 0.35, 1, 0}, within(1e-12));
        // bar 5: cloud A = (13 + 11.5)/2 = 12.25, B = mid of bars 2..4 = 11.5; tenkan 14 > kijun 13.5
        p = after(f, m, b, 5);
        assertThat(p.action()).isEqualTo(Action.BUY);
        assertThat(p.confidence()).isCloseTo(0.3 + 0.7 * Math.exp(-0.1), within(1e-12));
        assertThat(p.rationale()).isEqualTo("close 14.5 above cloud 12.25; tenkan 14 > kijun 13.5 (signal 1 bar ago)");
        // bar 6: cloud 13.75/12, close 11.5 below 12; tenkan 12 < kijun 13
        p = after(f, m, b, 6);
        assertThat(p.action()).isEqualTo(Action.SELL);
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(p.rationale()).isEqualTo("close 11.5 broke below cloud 12; tenkan 12 crossed below kijun 13");
        // bar 7: cloud 12.5/13, close 12.8 inside
        p = after(f, m, b, 7);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.rationale()).isEqualTo("close 12.8 inside cloud 12.5–13; tenkan 12.5 crossed above kijun 12");
        // bar 8: cloud 12.25/13, close 15.5 breaks above 13 with tenkan 15 > kijun 14 already
        p = after(f, m, b, 8);
        assertThat(p.action()).isEqualTo(Action.BUY);
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(p.rationale()).isEqualTo("close 15.5 broke above cloud 13; tenkan 15 > kijun 14");
        // bar 9: still above the cloud (14.5) but tenkan 14.75 < kijun 15
        p = after(f, m, b, 9);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.rationale()).isEqualTo("close 14.8 above cloud 14.5; tenkan 14.75 crossed below kijun 15; no TK confirmation");
        assertThat(m.features(S)[2]).isEqualTo(-1);
        assertThat(m.features(S)[3]).as("chikou: 14.8 < 15.5").isEqualTo(-1);
    }

    @Test
    void aStateFoundAtTheEndOfTheWarmupHasTheFloorConfidence() throws Exception {
        ModuleFixture f = new ModuleFixture();
        IchimokuModule m = f.init(new IchimokuModule(), "tenkan: 1\nkijun: 2\nsenkouB: 3\ndisplacement: 2\nfloor: 0.2", S);
        BarSeries b = ModuleFixture.bars(S, new double[][] {{11, 9, 10}, {12, 10, 11}, {13, 11, 12}, {14, 12, 13}});
        for (int i = 0; i < 4; i++) {
            f.bar(m, b, i);
        }
        Prediction p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.BUY);
        assertThat(p.confidence()).isEqualTo(0.2);
        assertThat(m.warmupBars()).isEqualTo(60);
        assertThat(f.init(new IchimokuModule(), "", S).warmupBars()).isEqualTo(206);
        assertThatThrownBy(() -> f.init(new IchimokuModule(), "kijun: 0", S)).hasMessageContaining("kijun");
    }

    @Test
    void causalOnRealBars() throws Exception {
        ModuleFixture.assertCausal(IchimokuModule::new, "timeframe: 5m", BundledData.eth5mBars(), 300);
    }
}
