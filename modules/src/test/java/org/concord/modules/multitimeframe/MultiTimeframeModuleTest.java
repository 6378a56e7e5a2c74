package org.concord.modules.multitimeframe;

import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.concord.orchestrator.Prediction;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MultiTimeframeModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");
    private static final String TWO = "timeframes: [1m, 5m]\nemaPeriod: 2\nslopeBars: 1\nthreshold: 0.6";

    private static void bar(MultiTimeframeModule m, ModuleFixture f, Timeframe tf, int i, double close) {
        long open = i * tf.millis();
        f.clock.set(tf.closeTime(open));
        m.onBarClose(S, tf, open, close, close, close, close, 1);
    }

    @Test
    void scoreAndAlignmentHandWorked() {
        assertThat(MultiTimeframeModule.score(12, 11.5, 10.5)).isEqualTo(1);
        assertThat(MultiTimeframeModule.score(11, 11.5, 10.5)).isEqualTo(0);
        assertThat(MultiTimeframeModule.score(11, 11.5, 11.5)).isEqualTo(-0.5);
        assertThat(MultiTimeframeModule.alignment(new double[] {1, -1, 0.5}, new boolean[] {true, true, false}, new double[] {1, 3, 1}))
                .isEqualTo(-0.5);
        assertThat(MultiTimeframeModule.alignment(new double[] {1}, new boolean[] {false}, new double[] {1})).isZero();
    }

    @Test
    void votesOnlyWhenStronglyAligned() throws Exception {
        ModuleFixture f = new ModuleFixture();
        MultiTimeframeModule m = f.init(new MultiTimeframeModule(), TWO, S);
        assertThat(m.featureNames()).containsExactly("alignment", "ready", "1m.score", "1m.ready", "5m.score", "5m.ready");
        assertThat(m.timeframes()).containsExactlyInAnyOrder(Timeframe.M1, Timeframe.M5);
        Prediction p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.rationale()).isEqualTo("0 of 2 timeframes ready (need 2): 1m not ready, 5m not ready");
        // 1m closes 10, 11, 12: EMA(2) 10.5, then 10.5 + ⅔·1.5 = 11.5; close above a rising EMA: +1
        // 5m closes 10, 9, 8: EMA 9.5, then 8.5; close below a falling EMA: −1
        double[] up = {10, 11, 12};
        double[] down = {10, 9, 8};
        for (int i = 0; i < 3; i++) {
            bar(m, f, Timeframe.M1, i, up[i]);
            bar(m, f, Timeframe.M5, i, down[i]);
        }
        p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.confidence()).isZero();
        assertThat(p.rationale()).isEqualTo("alignment 0 not aligned: 1m up (close > EMA2 11.5, rising), 5m down (close < EMA2 8.5, falling)");
        assertThat(m.features(S)).containsExactly(0, 2, 1, 1, -1, 1);
        // 5m close 11: EMA 8.5 + ⅔·2.5 = 10.1667, rising, close above: +1 → alignment 1
        bar(m, f, Timeframe.M5, 3, 11);
        p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.BUY);
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(p.rationale()).isEqualTo("alignment +1 aligned up: 1m up (close > EMA2 11.5, rising), 5m up (close > EMA2 10.1667, rising)");
        // both fall hard: −1, SELL
        bar(m, f, Timeframe.M1, 3, 5);
        bar(m, f, Timeframe.M5, 4, 5);
        p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.SELL);
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(p.rationale()).startsWith("alignment -1 aligned down");
        m.reset();
        assertThat(m.features(S)).containsOnly(0.0);
    }

    @Test
    void weightsAndThresholdComeFromTheSettings() throws Exception {
        ModuleFixture f = new ModuleFixture();
        // the 5m timeframe weighs 3: +1 and −1 give (1 − 3)/4 = −0.5; with threshold 0.5 that is a SELL of 0.5
        MultiTimeframeModule m = f.init(new MultiTimeframeModule(), TWO.replace("threshold: 0.6", "threshold: 0.5") + "\nweights: [1, 3]", S);
        double[] up = {10, 11, 12};
        double[] down = {10, 9, 8};
        for (int i = 0; i < 3; i++) {
            bar(m, f, Timeframe.M1, i, up[i]);
            bar(m, f, Timeframe.M5, i, down[i]);
        }
        Prediction p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.SELL);
        assertThat(p.confidence()).isEqualTo(0.5);
        assertThat(m.features(S)[0]).isEqualTo(-0.5);
        MultiTimeframeModule d = f.init(new MultiTimeframeModule(), "", S);
        assertThat(d.timeframes()).containsExactlyInAnyOrder(Timeframe.M1, Timeframe.M5, Timeframe.H1, Timeframe.D1);
        assertThat(d.warmupBars()).isEqualTo(100);
        assertThatThrownBy(() -> f.init(new MultiTimeframeModule(), "timeframes: [1m, 1m]", S)).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> f.init(new MultiTimeframeModule(), "timeframes: []", S)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> f.init(new MultiTimeframeModule(), "weights: [1, 2]", S)).hasMessageContaining("2 weights for 4 timeframes");
        assertThatThrownBy(() -> f.init(new MultiTimeframeModule(), "weights: [1, x, 1, 1]", S)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> f.init(new MultiTimeframeModule(), "weights: [1, -1, 1, 1]", S)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> f.init(new MultiTimeframeModule(), "minTimeframes: 5", S)).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> f.init(new MultiTimeframeModule(), "threshold: 0", S)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> f.init(new MultiTimeframeModule(), "timeframes: [2m]", S)).hasMessageContaining("unknown timeframe");
    }

    @Test
    void causalOnRealMultiTimeframeBars() throws Exception {
        // the real 1m, 5m and 1h Bitstamp bars interleaved as the DataProvider emits them (closes of one instant:
        // shortest first); the outputs at each 1m close must not change when any later bar changes
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
        BarSeries m5 = RealBars.bitstamp(Timeframe.M5);
        BarSeries h1 = RealBars.bitstamp(Timeframe.H1);
        String yaml = "timeframes: [1m, 5m, 1h]\nemaPeriod: 10";
        List<String> a = run(yaml, List.of(m1, m5, h1), Long.MAX_VALUE);
        long cut = m1.time(m1.size() / 2) + 60_000;
        List<String> b = run(yaml, List.of(m1, m5, h1), cut);
        int before = (int) m1.size() / 2 + 1;
        assertThat(b.subList(0, before)).isEqualTo(a.subList(0, before));
        assertThat(b).isNotEqualTo(a);
        Set<Action> actions = EnumSet.noneOf(Action.class);
        a.forEach(s -> actions.add(Action.valueOf(s.substring(s.lastIndexOf(' ') + 1))));
        assertThat(actions).as("votes on real data").contains(Action.BUY, Action.SELL, Action.HOLD);
    }

    /** Outputs after every 1m close; bars closing after {@code perturbFrom} are scaled by 1.1. */
    private static List<String> run(String yaml, List<BarSeries> series, long perturbFrom) throws Exception {
        ModuleFixture f = new ModuleFixture();
        MultiTimeframeModule m = f.init(new MultiTimeframeModule(), yaml, S);
        int[] pos = new int[series.size()];
        List<String> out = new java.util.ArrayList<>();
        while (true) {
            int best = -1;
            long bestClose = Long.MAX_VALUE;
            for (int k = 0; k < series.size(); k++) {
                BarSeries s = series.get(k);
                if (pos[k] < s.size() && s.timeframe().closeTime(s.time(pos[k])) < bestClose) {
                    best = k;
                    bestClose = s.timeframe().closeTime(s.time(pos[k]));
                }
            }
            if (best < 0) {
                return out;
            }
            BarSeries s = series.get(best);
            int i = pos[best]++;
            double k = bestClose > perturbFrom ? 1.1 : 1;
            f.clock.set(bestClose);
            m.onBarClose(S, s.timeframe(), s.time(i), s.open(i) * k, s.high(i) * k, s.low(i) * k, s.close(i) * k, s.volume(i));
            if (s.timeframe() == Timeframe.M1) {
                Prediction p = m.predictions(S).get(0);
                out.add(java.util.Arrays.toString(m.features(S)) + " " + p.confidence() + " " + p.action());
            }
        }
    }

    @Test
    void causalOnEthFiveMinuteBars() throws Exception {
        ModuleFixture.assertCausal(MultiTimeframeModule::new, "timeframes: [5m]\nminTimeframes: 1", BundledData.eth5mBars(), 300);
    }
}
