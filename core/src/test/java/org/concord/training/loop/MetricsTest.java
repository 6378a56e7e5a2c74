package org.concord.training.loop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {
    @Test
    void binaryAucByHand() {
        // positives scored 0.9, 0.4; negatives 0.8, 0.3, 0.1 → pairs won: (0.9>all 3) + (0.4>0.3, 0.4>0.1) = 5 of 6
        int[] y = {1, 0, 1, 0, 0};
        float[] p = {0.1f, 0.9f, 0.2f, 0.8f, 0.6f, 0.4f, 0.7f, 0.3f, 0.9f, 0.1f};
        assertThat(Metrics.auc(y, p, 2, 1)).isCloseTo(5.0 / 6.0, within(1e-12));
    }

    @Test
    void accuracyPrecisionRecallAndBaselineByHand() {
        String[] names = {"BUY", "SELL", "HOLD"};
        int[] truth = {0, 0, 1, 2, 2, 2};
        float[] probs = {
                .6f, .2f, .2f,  // → BUY  ✓
                .2f, .2f, .6f,  // → HOLD ✗
                .1f, .8f, .1f,  // → SELL ✓
                .7f, .1f, .2f,  // → BUY  ✗
                .1f, .1f, .8f,  // → HOLD ✓
                .2f, .3f, .5f}; // → HOLD ✓
        Metrics m = Metrics.of(truth, probs, names, 2);
        assertThat(m.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(m.baselineAccuracy()).isCloseTo(3 / 6.0, within(1e-12)); // always HOLD
        assertThat(m.liftPoints()).isCloseTo(100 * (4 / 6.0 - 0.5), within(1e-9));
        assertThat(m.perClass().get("BUY").precision()).isCloseTo(0.5, within(1e-12));
        assertThat(m.perClass().get("BUY").recall()).isCloseTo(0.5, within(1e-12));
        assertThat(m.perClass().get("HOLD").precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.perClass().get("HOLD").recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.perClass().get("SELL").support()).isEqualTo(1);
        assertThat(m.auc()).isBetween(0.5, 1.0);
    }

    @Test
    void majorityOfTrainingRows() {
        assertThat(Metrics.majority(new int[] {0, 1, 1, 2, 2, 2}, new int[] {0, 1, 2}, 3)).isEqualTo(1);
    }
}
