package org.concord.coordination;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BucketTest {
    @Test
    void forHoldingPicksWhatTheLogDistancesPickEverywhereIncludingAtAndAroundEachMidpoint() {
        for (double bars = 1e-6; bars < 1e6; bars *= 1.0007) {
            assertThat(Bucket.forHolding(bars)).as("%s bars", bars).isEqualTo(Bucket.nearestOnLogScale(bars));
        }
        Bucket[] all = Bucket.values();
        for (int i = 0; i + 1 < all.length; i++) {
            double mid = Math.sqrt((double) all[i].expectedHoldingBars() * all[i + 1].expectedHoldingBars());
            double x = mid;
            for (int k = 0; k < 64; k++) {
                x = Math.nextDown(x);
            }
            for (int k = 0; k < 128; k++, x = Math.nextUp(x)) {
                assertThat(Bucket.forHolding(x)).as("%s bars, next to the midpoint %s", x, mid).isEqualTo(Bucket.nearestOnLogScale(x));
            }
            assertThat(Bucket.forHolding(mid * 0.99)).isEqualTo(all[i]);
            assertThat(Bucket.forHolding(mid * 1.01)).isEqualTo(all[i + 1]);
        }
        assertThat(Bucket.forHolding(24)).as("a tie (12 and 48 are equally far) goes to the shorter bucket").isEqualTo(Bucket.SCALPING);
    }
}
