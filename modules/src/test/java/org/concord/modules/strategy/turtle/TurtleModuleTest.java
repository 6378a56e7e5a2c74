package org.concord.modules.strategy.turtle;

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

class TurtleModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");
    private static final String SMALL = "entryPeriod: 3\nexitPeriod: 2\natrPeriod: 2\nstopAtr: 1.0\nmomentumBars: 2\nminMomentumAtr: 1.0";
    // {high, low, close}; worked in forcesEveryState
    private static final double[][] HLC = {{11, 9, 10}, {11, 9, 10}, {11, 9, 10}, {11, 9, 10.5}, {12.5, 10.5, 11.8},
            {13.5, 11.5, 13.4}, {14, 12.5, 13.8}, {13, 11, 11.5}, {11, 9, 9.2}, {10, 8.5, 9.8}, {11.3, 10.5, 11.2}};

    private static Prediction after(ModuleFixture f, TurtleModule m, BarSeries b, int i) {
        f.bar(m, b, i);
        return m.predictions(S).get(0);
    }

    @Test
    void forcesEveryState() throws Exception {
        ModuleFixture f = new ModuleFixture();
        TurtleModule m = f.init(new TurtleModule(), SMALL, S);
        BarSeries b = ModuleFixture.bars(S, HLC);
        for (int i = 0; i < 3; i++) {
            assertThat(after(f, m, b, i).rationale()).isEqualTo("warming up: " + (i + 1) + " of 4 bars");
        }
        Prediction p = after(f, m, b, 3);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.rationale()).isEqualTo("close 10.5 inside 3-bar channel 9–11");
        // bar 4: 11.8 > 11 but momentum 11.8 − 10 = 1.8 is not above 1 × ATR 2
        p = after(f, m, b, 4);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.rationale()).isEqualTo("close 11.8 broke 3-bar high 11 but momentum(2) +1.8 within 1×ATR 2: unconfirmed");
        // bar 5: 13.4 > 12.5, momentum 13.4 − 10.5 = 2.9 > ATR 2: long, stop 13.4 − 2 = 11.4
        p = after(f, m, b, 5);
        assertThat(p.action()).isEqualTo(Action.BUY);
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(p.horizonBars()).isEqualTo(10);
        assertThat(p.rationale()).isEqualTo("close 13.4 broke 3-bar high 12.5; momentum(2) +2.9; stop 11.4 (1×ATR(2)=2)");
        assertThat(m.features(S)).containsExactly(new double[] {1, 1, 1, 1, 1.45, 0}, within(1e-12));
        p = after(f, m, b, 6);
        assertThat(p.action()).isEqualTo(Action.BUY);
        assertThat(p.confidence()).isCloseTo(0.3 + 0.7 * Math.exp(-1 / 20.0), within(1e-12));
        assertThat(p.rationale()).isEqualTo("long since 13.4 (1 bar); close 13.8, stop 11.4");
        // bar 7: low 11 touches the stop
        p = after(f, m, b, 7);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.rationale()).isEqualTo("long stopped: low 11 <= stop 11.4");
        assertThat(m.features(S)[1]).isZero();
        // bar 8: ATR 2.3875; 9.2 < 11 with momentum 9.2 − 13.8 = −4.6: short, stop 9.2 + 2.3875
        p = after(f, m, b, 8);
        assertThat(p.action()).isEqualTo(Action.SELL);
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(p.rationale()).startsWith("close 9.2 broke 3-bar low 11; momentum(2) -4.6; stop 11.5875 (1×ATR(2)=2.38");
        p = after(f, m, b, 9);
        assertThat(p.action()).isEqualTo(Action.SELL);
        assertThat(p.rationale()).isEqualTo("short since 9.2 (1 bar); close 9.8, stop 11.5875");
        // bar 10: the high stays under the stop, but the close 11.2 leaves the 2-bar channel (high 11)
        p = after(f, m, b, 10);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.rationale()).isEqualTo("short exit: close 11.2 above 2-bar high 11");
    }

    @Test
    void aShortIsStoppedByTheHigh() throws Exception {
        ModuleFixture f = new ModuleFixture();
        TurtleModule m = f.init(new TurtleModule(), SMALL, S);
        double[][] hlc = java.util.Arrays.copyOf(HLC, 11);
        hlc[10] = new double[] {11.6, 10.5, 10.8}; // high 11.6 >= stop 11.5875, close inside the exit channel
        BarSeries b = ModuleFixture.bars(S, hlc);
        Prediction p = null;
        for (int i = 0; i < b.size(); i++) {
            p = after(f, m, b, i);
        }
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.rationale()).isEqualTo("short stopped: high 11.6 >= stop 11.5875");
    }

    @Test
    void settingsAreHonoured() throws Exception {
        ModuleFixture f = new ModuleFixture();
        // without the momentum threshold the breakout at bar 4 enters
        TurtleModule loose = f.init(new TurtleModule(), SMALL.replace("minMomentumAtr: 1.0", "minMomentumAtr: 0"), S);
        BarSeries b = ModuleFixture.bars(S, HLC);
        for (int i = 0; i <= 4; i++) {
            f.bar(loose, b, i);
        }
        assertThat(loose.predictions(S).get(0).action()).isEqualTo(Action.BUY);
        TurtleModule dflt = f.init(new TurtleModule(), "", S);
        assertThat(dflt.warmupBars()).isEqualTo(100);
        assertThat(dflt.featureNames()).containsExactly("ready", "position", "breakout", "stopDistance", "momentum", "age");
        assertThatThrownBy(() -> f.init(new TurtleModule(), "stopAtr: 0", S)).hasMessageContaining("stopAtr");
        assertThatThrownBy(() -> f.init(new TurtleModule(), "minMomentumAtr: -1", S)).hasMessageContaining("minMomentumAtr");
    }

    @Test
    void causalOnRealBars() throws Exception {
        ModuleFixture.assertCausal(TurtleModule::new, "timeframe: 5m", BundledData.eth5mBars(), 300);
    }
}
