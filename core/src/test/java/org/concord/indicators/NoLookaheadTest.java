package org.concord.indicators;

import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ta4j.core.indicators.ichimoku.IchimokuChikouSpanIndicator;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Nothing computed for bar t reads a bar after t: perturbing (or dropping) the future never changes bar t. */
class NoLookaheadTest {

    /** {@code s} up to and including bar {@code t}, then wild bars: prices ×0.3..×3, other ranges and volumes. */
    static BarSeries perturbedAfter(BarSeries s, int t, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BarSeries out = s.copyRange(0, t + 1);
        for (int i = t + 1; i < s.size(); i++) {
            double f = 0.3 + rnd.nextDouble() * 2.7;
            double o = s.open(i) * f;
            double c = s.close(i) * (0.3 + rnd.nextDouble() * 2.7);
            double h = Math.max(o, c) * (1 + rnd.nextDouble() * 0.2);
            double l = Math.min(o, c) * (1 - rnd.nextDouble() * 0.2);
            out.append(s.time(i), o, h, l, c, rnd.nextDouble() * 1000);
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> noIndicatorReadsTheFuture() {
        BarSeries eth = RealBars.eth5m();
        BarSeries btc = RealBars.bitstamp(Timeframe.M5);
        return Catalogue.all().stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            for (BarSeries s : new BarSeries[] {eth, btc}) {
                double[][] full = Batch.run(e.make().get(), s);
                for (int t : new int[] {0, 30, 100, 250, s.size() / 2, s.size() - 2}) {
                    double[][] perturbed = Batch.run(e.make().get(), perturbedAfter(s, t, t));
                    double[][] truncated = Batch.run(e.make().get(), s.copyRange(0, t + 1));
                    for (int k = 0; k < full.length; k++) {
                        for (int i = 0; i <= t; i++) {
                            assertEquals(full[k][i], perturbed[k][i], e.name() + " output " + k + " at " + i + " with bars after " + t + " changed");
                            assertEquals(full[k][i], truncated[k][i], e.name() + " output " + k + " at " + i + " with bars after " + t + " dropped");
                        }
                    }
                }
            }
        }));
    }

    @Test
    void correlationReadsNoFuturePair() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] x = new double[300];
        double[] y = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
            y[i] = 0.5 * x[i] + rnd.nextGaussian();
        }
        double[] full = Batch.run(new Correlation(20), x, y);
        double[] x2 = x.clone();
        double[] y2 = y.clone();
        for (int i = 151; i < x.length; i++) {
            x2[i] = 100 * rnd.nextGaussian();
            y2[i] = -x2[i];
        }
        double[] perturbed = Batch.run(new Correlation(20), x2, y2);
        for (int i = 0; i <= 150; i++) {
            assertEquals(full[i], perturbed[i], "correlation at " + i);
        }
        assertThat(perturbed[200]).isNotEqualTo(full[200]);
    }

    /**
     * Why ta4j's chikou is not what {@link Ichimoku#chikou()} exposes: ta4j's value at t is close(t + 26), so it
     * changes when the future changes; ours at t is close(t) and does not.
     */
    @Test
    void ichimokuChikouIsTheCloseNowNotTheCloseIn26Bars() {
        BarSeries eth = RealBars.eth5m();
        int t = 200;
        BarSeries changed = perturbedAfter(eth, t, 1);
        double ta4jNow = new IchimokuChikouSpanIndicator(RealBars.ta4j(eth), 26).getValue(t).doubleValue();
        double ta4jChanged = new IchimokuChikouSpanIndicator(RealBars.ta4j(changed), 26).getValue(t).doubleValue();
        assertThat(ta4jChanged).as("ta4j's chikou at t reads bar t+26").isNotEqualTo(ta4jNow);
        assertThat(ta4jNow).isEqualTo(eth.close(t + 26));

        Ichimoku ours = new Ichimoku();
        double[][] a = Batch.run(ours, eth);
        double[][] b = Batch.run(new Ichimoku(), changed);
        int chikou = Ta4jParityTest.outputIndex(ours, "chikou");
        int reference = Ta4jParityTest.outputIndex(ours, "chikouReference");
        assertEquals(eth.close(t), a[chikou][t]);
        assertEquals(a[chikou][t], b[chikou][t]);
        assertEquals(eth.close(t - 25), a[reference][t]);
        // the leading spans computed at t are what the cloud shows 25 bars later
        assertEquals(a[Ta4jParityTest.outputIndex(ours, "senkouA")][t], a[Ta4jParityTest.outputIndex(ours, "cloudA")][t + 25]);
        assertEquals(a[Ta4jParityTest.outputIndex(ours, "senkouB")][t], a[Ta4jParityTest.outputIndex(ours, "cloudB")][t + 25]);
    }
}
