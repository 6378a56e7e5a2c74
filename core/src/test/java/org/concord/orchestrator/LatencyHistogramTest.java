package org.concord.orchestrator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module panel's p99 is a bucket's upper bound. With 8 sub-buckets per power of two it was up to 12.5% above the
 * true value and modules with different latencies showed the same figure (74 and 81 µs both read "81.9").
 */
class LatencyHistogramTest {
    @Test
    void aBucketsUpperBoundIsNeverBelowAValueInItAndAtMostAThirtySecondAbove() {
        for (long v = 1; v < 50_000_000L; v = v * 3 / 2 + 1) {
            long up = LatencyHistogram.upper(LatencyHistogram.index(v));
            assertThat(up).as("bound of %d", v).isGreaterThanOrEqualTo(v).isLessThanOrEqualTo(v + v / 32);
        }
    }

    @Test
    void modulesSomePercentApartShowDifferentP99s() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int i = 0; i < 1000; i++) {
            a.record(74_000);
            b.record(81_000);
        }
        assertThat(a.percentile(99)).isBetween(74_000L, 74_000L * 33 / 32);
        assertThat(b.percentile(99)).isBetween(81_000L, 81_000L * 33 / 32);
        assertThat(a.percentile(99)).isNotEqualTo(b.percentile(99));
    }
}
