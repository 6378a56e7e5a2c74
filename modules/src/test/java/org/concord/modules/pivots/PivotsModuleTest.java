package org.concord.modules.pivots;

import org.concord.indicators.pivots.SwingPoint;
import org.concord.indicators.pivots.WilliamsStructure;
import org.concord.feed.BundledData;
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

class PivotsModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");
    // {high, low, close}; strength 1. Level-1 highs: bar1 13, bar3 15, bar5 14; level-1 lows: bar2 7, bar4 8, bar6 9.
    // Level 2: 15 stands above 13 and 14 → a level-2 high (confirmed with 14, at bar 6's close); lows 7, 8, 9 give none.
    private static final double[][] HLC = {
            {10, 8, 9}, {13, 9, 12}, {11, 7, 8}, {15, 10, 14}, {12, 8, 9}, {14, 11, 13}, {12, 9, 10}, {13, 10, 12}};

    @Test
    void williamsLevelsHandWorked() {
        WilliamsStructure w = new WilliamsStructure(2, 1);
        BarSeries b = ModuleFixture.bars(S, HLC);
        for (int i = 0; i < b.size(); i++) {
            w.add(b.time(i), b.high(i), b.low(i), b.time(i) + 60_000);
            if (i == 5) {
                assertThat(w.highCount(2)).isZero(); // not confirmed before the next level-1 high is
            }
        }
        assertThat(w.highCount(1)).isEqualTo(3);
        assertThat(w.lowCount(1)).isEqualTo(3);
        assertThat(w.lastHigh(1)).isEqualTo(new SwingPoint(5 * 60_000, 14, 7 * 60_000));
        assertThat(w.lastLow(1)).isEqualTo(new SwingPoint(6 * 60_000, 9, 8 * 60_000));
        assertThat(w.highs(1)).isEqualTo(-1); // 14 after 15: lower high
        assertThat(w.lows(1)).isEqualTo(1);   // 9 after 8: higher low
        assertThat(w.trend(1)).isZero();
        assertThat(w.highCount(2)).isEqualTo(1);
        assertThat(w.lastHigh(2)).isEqualTo(new SwingPoint(3 * 60_000, 15, 7 * 60_000));
        assertThat(w.lowCount(2)).isZero();
        assertThat(w.lastLow(2)).isNull();
        assertThat(w.highs(2)).isZero();
        assertThatThrownBy(() -> w.trend(3)).isInstanceOf(IllegalArgumentException.class);
        w.clear();
        assertThat(w.highCount(1)).isZero();
    }

    @Test
    void trendsAndPredictionFromHigherHighsAndLows() {
        WilliamsStructure w = new WilliamsStructure(1, 1);
        double[][] up = {{10, 9}, {12, 10}, {11, 8}, {14, 11}, {13, 9}, {15, 12}};
        for (int i = 0; i < up.length; i++) {
            w.add(i, up[i][0], up[i][1], i + 1);
        }
        assertThat(w.highs(1)).isEqualTo(1);
        assertThat(w.lows(1)).isEqualTo(1);
        assertThat(w.trend(1)).isEqualTo(1);
    }

    @Test
    void classicPivotsHandWorked() {
        ClassicPivots p = ClassicPivots.of(110, 90, 105);
        assertThat(p.p()).isCloseTo(305 / 3.0, within(1e-12));
        assertThat(p.r1()).isCloseTo(2 * 305 / 3.0 - 90, within(1e-12));
        assertThat(p.s1()).isCloseTo(2 * 305 / 3.0 - 110, within(1e-12));
        assertThat(p.r2()).isCloseTo(305 / 3.0 + 20, within(1e-12));
        assertThat(p.s2()).isCloseTo(305 / 3.0 - 20, within(1e-12));
        assertThatThrownBy(() -> ClassicPivots.of(90, 110, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moduleFeaturesAndPredictionHandWorked() throws Exception {
        ModuleFixture f = new ModuleFixture();
        PivotsModule m = f.init(new PivotsModule(), "levels: 2\nstrength: 1\npivotTimeframe: 1h\nhorizonBars: 3", S);
        assertThat(m.featureNames()).hasSize(2 * 5 + 6).startsWith("l1.trend", "l1.highs").contains("pp.distS2");
        assertThat(m.timeframes()).containsExactlyInAnyOrder(Timeframe.M1, Timeframe.H1);
        assertThat(m.features(S)).containsOnly(0.0); // nothing seen yet
        BarSeries b = ModuleFixture.bars(S, HLC);
        for (int i = 0; i < b.size(); i++) {
            f.bar(m, b, i);
        }
        double[] x = m.features(S);
        double close = 12;
        assertThat(x[0]).isZero();                              // l1.trend
        assertThat(x[1]).isEqualTo(-1);                         // l1.highs LH
        assertThat(x[2]).isEqualTo(1);                          // l1.lows HL
        assertThat(x[3]).isCloseTo(close / 14 - 1, within(1e-12));
        assertThat(x[4]).isCloseTo(close / 9 - 1, within(1e-12));
        assertThat(x[8]).isCloseTo(close / 15 - 1, within(1e-12)); // l2.distHigh
        assertThat(x[9]).isZero();                              // no level-2 low
        assertThat(x[10]).isZero();                             // no pivot period completed
        m.onBarClose(S, Timeframe.H1, 0, 100, 110, 90, 105, 5);
        x = m.features(S);
        assertThat(x[10]).isEqualTo(1);
        assertThat(x[11]).isCloseTo(close / (305 / 3.0) - 1, within(1e-12));
        assertThat(m.pivots(S)).isEqualTo(ClassicPivots.of(110, 90, 105));
        Prediction p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.confidence()).isZero();
        assertThat(p.horizonBars()).isEqualTo(3);
        assertThat(p.time()).isEqualTo(8 * 60_000);
        assertThat(p.rationale()).isEqualTo("structure L1:LH/HL L2:--/--");
        assertThat(m.structure(S).highCount(2)).isEqualTo(1);
        m.reset();
        assertThat(m.structure(S).highCount(1)).isZero();
    }

    @Test
    void risingStructureSaysBuy() throws Exception {
        ModuleFixture f = new ModuleFixture();
        PivotsModule m = f.init(new PivotsModule(), "levels: 1\nstrength: 1", S);
        BarSeries b = ModuleFixture.bars(S, new double[][] {{10, 9, 9}, {12, 10, 11}, {11, 8, 9}, {14, 11, 13}, {13, 9, 10}, {15, 12, 14}, {14, 10, 12}});
        for (int i = 0; i < b.size(); i++) {
            f.bar(m, b, i);
        }
        assertThat(m.score(S)).isEqualTo(1.0);
        assertThat(m.predictions(S).get(0).action()).isEqualTo(Action.BUY);
        assertThat(m.predictions(S).get(0).confidence()).isEqualTo(1.0);
    }

    @Test
    void causalOnRealBars() throws Exception {
        ModuleFixture.assertCausal(PivotsModule::new, "levels: 3\nstrength: 2\ntimeframe: 5m", BundledData.eth5mBars(), 300);
    }

    @Test
    void badSettingsAreRefused() {
        ModuleFixture f = new ModuleFixture();
        assertThatThrownBy(() -> f.init(new PivotsModule(), "levels: 0", S)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.init(new PivotsModule(), "horizonBars: 0", S)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.init(new PivotsModule(), "levels: two", S)).hasMessageContaining("must be an integer");
        assertThat(new PivotsModule().toString()).contains("levels=3");
        assertThat(new PivotsModule().description()).contains("Williams");
    }
}
