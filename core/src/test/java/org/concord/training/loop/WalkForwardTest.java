package org.concord.training.loop;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalkForwardTest {
    /** 100 samples one minute apart, each label spanning 5 minutes. */
    static final long M = 60_000;
    static long[] times = new long[100];
    static long[] horizons = new long[100];

    static {
        for (int i = 0; i < 100; i++) {
            times[i] = i * M;
            horizons[i] = times[i] + 5 * M;
        }
    }

    @Test
    void foldBoundariesPurgeAndEmbargoByHand() {
        List<WalkForward.Fold> folds = WalkForward.split(times, horizons, 4, 3 * M);
        assertThat(folds).hasSize(4);
        // blocks of 20: fold k tests on [20k, 20k+20)
        for (WalkForward.Fold f : folds) {
            int k = f.index();
            assertThat(f.test()).hasSize(20);
            assertThat(f.test()[0]).isEqualTo(20 * k);
            assertThat(f.testStart()).isEqualTo(20L * k * M);
            assertThat(f.testEnd()).isEqualTo((20L * k + 19) * M);
            // purge: samples whose horizon (t+5) reaches testStart: t >= testStart-5 → indices 20k-5 .. 20k-1
            assertThat(f.purged()).isEqualTo(5);
            // embargo: a gap of 3 minutes beyond the purge: labels ending in [testStart-3, testStart) → t+5 >= 20k-3 → 20k-8 .. 20k-6
            assertThat(f.embargoed()).isEqualTo(3);
            assertThat(f.train()).hasSize(20 * k - 8);
            assertThat(f.train()[f.train().length - 1]).isEqualTo(20 * k - 9);
            for (int r : f.train()) {
                assertThat(horizons[r]).isLessThan(f.testStart() - 3 * M);
                assertThat(times[r]).isLessThan(f.testStart());
            }
        }
    }

    @Test
    void embargoLongerThanTheHorizonRemovesMore() {
        List<WalkForward.Fold> folds = WalkForward.split(times, horizons, 4, 10 * M);
        WalkForward.Fold f = folds.get(1); // tests on [40, 60)
        assertThat(f.purged()).isEqualTo(5);      // 35..39
        assertThat(f.embargoed()).isEqualTo(10);  // 25..34: label end t+5 >= 40-10 = 30
        assertThat(f.train()).hasSize(25);        // 0..24
        assertThat(f.train()[24]).isEqualTo(24);
    }

    @Test
    void tooFewSamplesIsAClearError() {
        assertThatThrownBy(() -> WalkForward.split(new long[5], new long[5], 4, 0)).hasMessageContaining("too few samples (5) for 4");
    }
}
