package org.concord.coordination;

import org.concord.execution.RealBars;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The blocked rolling drawdown gives exactly what a scan of the window gives, at every step. */
class RollingDrawdownTest {

    /** The definition: one pass over the last {@code window} values. */
    private static double scan(double[] curve, int end, int window) {
        double peak = 0;
        double worst = 0;
        for (int i = Math.max(0, end - window); i < end; i++) {
            peak = Math.max(peak, curve[i]);
            if (peak > 0) {
                worst = Math.max(worst, 1 - curve[i] / peak);
            }
        }
        return worst;
    }

    private static void assertSameAsTheScan(double[] curve, int window) {
        RollingDrawdown d = new RollingDrawdown(window);
        for (int i = 0; i < curve.length; i++) {
            d.add(curve[i]);
            double want = scan(curve, i + 1, window);
            assertThat(d.max()).as("window %d after %d values", window, i + 1).isEqualTo(want);
        }
    }

    @Test
    void realBtcClosesGiveTheScansDrawdownAtEveryBarForEveryWindow() {
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
        double[] curve = new double[Math.min(m1.size(), 6_000)];
        for (int i = 0; i < curve.length; i++) {
            curve[i] = m1.close(i) / m1.close(0);
        }
        for (int window : new int[] {2, 5, 200, 255, 256, 257, 600, 2016}) {
            assertSameAsTheScan(curve, window);
        }
    }

    @Test
    void crashesAndACurveThatGoesBelowZeroToo() {
        Random r = new Random(7);
        double[] curve = new double[3_000];
        double level = 1;
        for (int i = 0; i < curve.length; i++) {
            double ret = r.nextInt(50) == 0 ? -0.6 : r.nextGaussian() * 0.03;
            if (i == 2_000) {
                ret = -1.5; // a loss beyond the capital: the level goes negative
            }
            level *= 1 + ret;
            curve[i] = level;
        }
        for (int window : new int[] {3, 64, 300, 700, 1000}) {
            assertSameAsTheScan(curve, window);
        }
    }
}
