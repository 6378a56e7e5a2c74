package org.concord.coordination;

import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The regime measure's running sums against the definitions recomputed from scratch after every bar, on the bundled
 * ETH 5m bars with bad bars mixed in (they must change nothing): efficiency ratio over the window, the window's mean
 * squared log return over its exponentially weighted long-run level, the same for volume.
 */
class EfficiencyRatioMeasureTest {
    private static final int WINDOW = 20;
    private static final int HALF_LIFE = 60;

    @Test
    void runningSumsMatchTheDefinitionsRecomputedEveryBar() {
        BarSeries eth = BundledData.eth5mBars();
        EfficiencyRatioMeasure m = new EfficiencyRatioMeasure(WINDOW, HALF_LIFE);
        double alpha = 1 - Math.pow(0.5, 1.0 / HALF_LIFE);
        List<Double> closes = new ArrayList<>();
        List<Double> volumes = new ArrayList<>();
        double longR2 = Double.NaN;
        double longVol = Double.NaN;
        for (int i = 0; i < eth.size(); i++) {
            if (i % 97 == 13) {
                m.update(Double.NaN, 1); // bad bars leave every sum as it was
                m.update(-1, 1);
                m.update(100, Double.POSITIVE_INFINITY);
            }
            double c = eth.close(i);
            double v = eth.volume(i);
            m.update(c, v);
            if (!closes.isEmpty()) {
                double lr = Math.log(c / closes.get(closes.size() - 1));
                longR2 = Double.isNaN(longR2) ? lr * lr : longR2 + alpha * (lr * lr - longR2);
            }
            longVol = Double.isNaN(longVol) ? v : longVol + alpha * (v - longVol);
            closes.add(c);
            volumes.add(v);
            int n = closes.size();
            assertThat(m.ready()).isEqualTo(n > WINDOW);
            if (!m.ready()) {
                continue;
            }
            double path = 0;
            double r2 = 0;
            for (int k = n - WINDOW; k < n; k++) {
                path += Math.abs(closes.get(k) - closes.get(k - 1));
                double lr = Math.log(closes.get(k) / closes.get(k - 1));
                r2 += lr * lr;
            }
            double vol = 0;
            for (int k = n - WINDOW; k < n; k++) {
                vol += volumes.get(k);
            }
            double trend = path > 0 ? Math.min(1, Math.abs(closes.get(n - 1) - closes.get(n - 1 - WINDOW)) / path) : 0;
            assertThat(m.trendStrength()).as("trend at bar %d", i).isCloseTo(trend, within(1e-9));
            assertThat(m.volatilityRatio()).as("volatility at bar %d", i).isCloseTo(Math.sqrt(r2 / WINDOW / longR2), within(1e-9));
            assertThat(m.liquidityRatio()).as("liquidity at bar %d", i).isCloseTo(vol / WINDOW / longVol, within(1e-9));
        }
    }
}
