package org.concord.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A live engine's equity curve with a row limit: bounded, spanning the whole run, the first and newest samples kept. */
class EquityCurveLimitTest {
    @Test
    void pastTheLimitEveryOtherSampleGoesAndTheCurveStillSpansTheRun() {
        EquityCurve c = new EquityCurve();
        c.limitTo(100);
        for (int i = 0; i < 1_000; i++) {
            c.add(60_000L * i, 10_000 + i, 0.1);
            assertThat(c.size()).isLessThanOrEqualTo(100);
        }
        assertThat(c.size()).isGreaterThanOrEqualTo(50);
        assertThat(c.time(0)).as("the first sample").isZero();
        assertThat(c.equity(0)).isEqualTo(10_000);
        assertThat(c.time(c.size() - 1)).as("the newest sample").isEqualTo(60_000L * 999);
        assertThat(c.equity(c.size() - 1)).isEqualTo(10_999);
        for (int i = 1; i < c.size(); i++) {
            assertThat(c.time(i)).isGreaterThan(c.time(i - 1));
            assertThat(c.equity(i) - 10_000).as("each kept sample is the one taken then").isEqualTo(c.time(i) / 60_000.0);
            assertThat(c.exposure(i)).isEqualTo(0.1);
        }
    }

    @Test
    void withoutALimitEverySampleStays() {
        EquityCurve c = new EquityCurve();
        for (int i = 0; i < 10_000; i++) {
            c.add(i, 1, 0);
        }
        assertThat(c.size()).isEqualTo(10_000);
        assertThatThrownBy(() -> c.limitTo(2)).isInstanceOf(IllegalArgumentException.class);
        c.limitTo(1_000);
        assertThat(c.size()).as("a limit set later applies at once").isBetween(500, 1_000);
        assertThat(c.time(0)).isZero();
        assertThat(c.time(c.size() - 1)).isEqualTo(9_999);
    }
}
