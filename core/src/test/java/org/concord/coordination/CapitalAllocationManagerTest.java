package org.concord.coordination;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CapitalAllocationManagerTest {

    @Test
    void capitalMovesStepByStepTowardTheBucketThatEarns() {
        CapitalAllocationManager m = new CapitalAllocationManager(AllocationConfig.defaults(), new AllocationOptimizer(0.1, 0.5, 0.1, 5),
                new RegimeDetector(EfficiencyRatioMeasure.defaults(), RegimeDetector.Config.defaults()), new RegimeScores(288, 100), null);
        Random rnd = new Random(5);
        double[] prev = m.allocations();
        assertThat(prev).containsExactly(0.25, 0.25, 0.25, 0.25);
        for (int bar = 1; bar <= 2000; bar++) {
            m.onMarketBar(100 + rnd.nextGaussian(), 10);
            double[] r = new double[Bucket.COUNT];
            for (int b = 0; b < r.length; b++) {
                r[b] = rnd.nextGaussian() * 0.001 + (b == Bucket.SHORT.ordinal() ? 0.0004 : 0);
            }
            m.onBucketReturns(r);
            if (bar % 12 == 0) {
                AllocationUpdate u = m.update(bar);
                double[] a = m.allocations();
                for (int b = 0; b < a.length; b++) {
                    assertThat(Math.abs(a[b] - prev[b])).isLessThanOrEqualTo(0.1 + 1e-12);
                    assertThat(a[b]).isBetween(0.1 - 1e-12, 0.5 + 1e-12);
                }
                assertThat(u.allocation().get(Bucket.SHORT)).isEqualTo(a[Bucket.SHORT.ordinal()]);
                prev = a;
            }
        }
        assertThat(m.allocation(Bucket.SHORT)).isCloseTo(0.5, within(1e-9));
        assertThat(m.tracker(Bucket.SHORT).sharpe()).isGreaterThan(m.tracker(Bucket.LONG).sharpe());
        List<AllocationUpdate> h = m.history();
        assertThat(h).hasSize(2000 / 12);
        // the first update is nearly equal: no Sharpe before a day of bars, only the small drawdowns differ
        assertThat(h.get(0).scores().get(Bucket.SHORT)).isLessThanOrEqualTo(0);
        assertThat(h.get(0).allocation().get(Bucket.SHORT)).isCloseTo(0.25, within(0.01));
    }
}
