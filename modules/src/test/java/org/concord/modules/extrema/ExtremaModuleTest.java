package org.concord.modules.extrema;

import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.modules.ModuleFixture;
import org.concord.orchestrator.Prediction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExtremaModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");
    // {high, low, close}; lag 2. Max at bar 2 (14, confirmed at bar 4), max at bar 5 (13, at bar 7), min at bar 7 (7, at bar 9)
    private static final double[][] HLC = {{10, 9, 9.5}, {11, 10, 10.5}, {14, 13, 13.5}, {12, 11, 11.5}, {11, 10, 10.5},
            {13, 12, 12.5}, {9, 8, 8.5}, {8, 7, 7.5}, {12, 11, 11.5}, {13, 12, 12.5}, {12.6, 12.2, 12.4}};

    @Test
    void detectorHandWorked() {
        BarSeries b = ModuleFixture.bars(S, HLC);
        ExtremaDetector d = new ExtremaDetector(2, 10);
        Extremum[] confirmed = new Extremum[b.size()];
        for (int i = 0; i < b.size(); i++) {
            confirmed[i] = d.add(b.time(i), b.high(i), b.low(i), b.time(i) + 60_000);
        }
        assertThat(confirmed[4]).isEqualTo(new Extremum(2 * 60_000, 14, true, 5 * 60_000));
        assertThat(confirmed[7]).isEqualTo(new Extremum(5 * 60_000, 13, true, 8 * 60_000));
        assertThat(confirmed[9]).isEqualTo(new Extremum(7 * 60_000, 7, false, 10 * 60_000));
        assertThat(confirmed).filteredOn(e -> e != null).hasSize(3);
        assertThat(d.recent()).containsExactly(confirmed[4], confirmed[7], confirmed[9]);
        assertThat(d.last()).isEqualTo(confirmed[9]);
        assertThat(d.barsSinceMax()).isEqualTo(10 - 5);
        assertThat(d.barsSinceMin()).isEqualTo(10 - 7);
        assertThat(ExtremaDetector.label(b, 2)).isEqualTo(d.recent());
        assertThat(d.bars()).isEqualTo(11);
        assertThat(d.lag()).isEqualTo(2);
        d.clear();
        assertThat(d.last()).isNull();
        assertThat(d.barsSinceMax()).isEqualTo(-1);
        assertThat(new ExtremaDetector(1, 1).recent()).isEmpty();
        assertThatThrownBy(() -> new ExtremaDetector(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsOnlyTheNewestLabels() {
        ExtremaDetector d = new ExtremaDetector(1, 2);
        double[] h = {1, 3, 1, 3, 1, 3, 1};
        for (int i = 0; i < h.length; i++) {
            d.add(i, h[i], h[i] - 0.5, i + 1);
        }
        assertThat(d.recent()).hasSize(2);
        assertThat(d.lastMax().price()).isEqualTo(3);
        assertThat(d.lastMin().price()).isEqualTo(0.5);
    }

    @Test
    void moduleFeaturesAndPredictionHandWorked() throws Exception {
        ModuleFixture f = new ModuleFixture();
        ExtremaModule m = f.init(new ExtremaModule(), "lag: 2\ndecay: 4", S);
        assertThat(m.featureNames()).containsExactly("ready", "last", "sinceMax", "sinceMin", "distMax", "distMin");
        assertThat(m.predictions(S).get(0).action()).isEqualTo(Action.HOLD);
        assertThat(m.features(S)).containsOnly(0.0);
        BarSeries b = ModuleFixture.bars(S, HLC);
        for (int i = 0; i <= 9; i++) {
            f.bar(m, b, i);
        }
        double[] x = m.features(S);
        assertThat(x[0]).isEqualTo(1);
        assertThat(x[1]).isEqualTo(-1);      // newest is the minimum
        assertThat(x[2]).isEqualTo(4);       // bar 9 - bar 5
        assertThat(x[3]).isEqualTo(2);       // bar 9 - bar 7
        assertThat(x[4]).isCloseTo(12.5 / 13 - 1, within(1e-12));
        assertThat(x[5]).isCloseTo(12.5 / 7 - 1, within(1e-12));
        Prediction p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.BUY);
        assertThat(p.confidence()).isEqualTo(1.0);
        f.bar(m, b, 10);
        assertThat(m.predictions(S).get(0).confidence()).isCloseTo(Math.exp(-1 / 4.0), within(1e-12));
        assertThat(m.labels(S)).hasSize(3);
        m.onBarClose(S, org.concord.model.Timeframe.M5, 0, 1, 1, 1, 1, 1); // other timeframes are ignored
        m.reset();
        assertThat(m.labels(S)).isEmpty();
    }

    @Test
    void causalOnRealBars() throws Exception {
        ModuleFixture.assertCausal(ExtremaModule::new, "lag: 3\ntimeframe: 5m", BundledData.eth5mBars(), 250);
    }

    @Test
    void badSettingsAreRefused() {
        ModuleFixture f = new ModuleFixture();
        assertThatThrownBy(() -> f.init(new ExtremaModule(), "lag: 0", S)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.init(new ExtremaModule(), "decay: 0", S)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.init(new ExtremaModule(), "decay: fast", S)).hasMessageContaining("must be a number");
        assertThat(List.of(new ExtremaModule().id())).containsExactly("extrema");
    }
}
