package org.concord.coordination;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BucketPerformanceTrackerTest {

    @Test
    void exponentiallyWeightedTradeStatistics() {
        // trade half-life 1: the three trades weigh 1/4, 1/2, 1
        BucketPerformanceTracker t = new BucketPerformanceTracker(Bucket.SHORT, 10, 1, 252, 10, 2);
        t.onTradeClosed(0.02, 0.01);
        t.onTradeClosed(-0.01, 0.01);
        t.onTradeClosed(0.03, null);
        assertThat(t.winRate()).isCloseTo((0.25 + 1) / 1.75, within(1e-12));
        // profit 0.25 * 0.02 + 0.03 = 0.035 over loss 0.5 * 0.01
        assertThat(t.profitFactor()).isCloseTo(7, within(1e-9));
        // average win (0.25 * 0.02 + 0.03) / 1.25 = 0.028 over average loss 0.01
        assertThat(t.payoffRatio()).isCloseTo(2.8, within(1e-12));
        BucketPerformance p = t.snapshot();
        // predictions on the first two only (weights 1/2 and 1 after the second; the third scales both)
        assertThat(p.predictedReturn()).isCloseTo(0.01, within(1e-12));
        assertThat(p.realizedReturn()).isCloseTo((0.5 * 0.02 - 0.01) / 1.5, within(1e-12));
        assertThat(p.predictionError()).isCloseTo((0.5 * 0.01 + 0.02) / 1.5, within(1e-12));
        assertThat(p.trades()).isEqualTo(3);
    }

    @Test
    void sharpeAndRollingDrawdownFromPeriodReturns() {
        BucketPerformanceTracker t = new BucketPerformanceTracker(Bucket.LONG, 1_000_000, 5, 100, 3, 2);
        assertThat(t.sharpe()).isZero();
        double[] r = {0.01, 0.02, -0.03, 0.01};
        for (double x : r) {
            t.onPeriodReturn(x);
        }
        t.onPeriodReturn(Double.NaN); // ignored
        assertThat(t.periods()).isEqualTo(4);
        // a huge half-life gives the plain mean over the population standard deviation, annualized by sqrt(100)
        double mean = 0.0025;
        double sd = Math.sqrt((0.0001 + 0.0004 + 0.0009 + 0.0001) / 4 - mean * mean);
        assertThat(t.sharpe()).isCloseTo(mean / sd * 10, within(1e-4));
        // window of 3: levels 1.0302, 0.999294, 1.00928694 -> drawdown 1 - 0.999294 / 1.0302
        assertThat(t.maxDrawdown()).isCloseTo(1 - 0.999294 / 1.0302, within(1e-9));
    }
}
