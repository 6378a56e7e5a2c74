package org.concord.training;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RetrainMonitorTest {
    @Test
    void firesOnceWhenRollingAccuracyDropsTenPointsBelowBaseline() {
        AtomicInteger fired = new AtomicInteger();
        RetrainMonitor m = new RetrainMonitor(10, 10.0, 0.60, fired::incrementAndGet);
        // 6 of 10 right: 60 %, at baseline
        for (int i = 0; i < 10; i++) {
            assertThat(m.record(i < 6)).isFalse();
        }
        assertThat(m.rollingAccuracy()).isEqualTo(0.6);
        // the window slides: replacing a right one by a wrong one → 50 %: exactly 10 points below → fires
        assertThat(m.record(false)).isTrue();
        assertThat(m.rollingAccuracy()).isEqualTo(0.5);
        assertThat(fired).hasValue(1);
        // stays disarmed until reset
        assertThat(m.record(false)).isFalse();
        assertThat(fired).hasValue(1);
        m.reset(0.55);
        assertThat(m.count()).isZero();
        for (int i = 0; i < 10; i++) {
            m.record(i < 5); // 50 %: 5 points below 55 % → no
        }
        assertThat(fired).hasValue(1);
        m.record(false); // 40 %... window [wrong x1 .. ] → 4/10
        assertThat(fired).hasValue(2);
    }

    @Test
    void withoutABaselineTheFirstFullWindowBecomesIt() {
        AtomicInteger fired = new AtomicInteger();
        RetrainMonitor m = new RetrainMonitor(4, 10.0, Double.NaN, fired::incrementAndGet);
        for (int i = 0; i < 4; i++) {
            m.record(true);
        }
        assertThat(m.baseline()).isEqualTo(1.0);
        m.record(true);
        assertThat(fired).hasValue(0);
        m.record(false); // 3/4 = 75 %: 25 points below
        assertThat(fired).hasValue(1);
    }
}
