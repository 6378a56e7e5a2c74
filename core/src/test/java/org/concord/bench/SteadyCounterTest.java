package org.concord.bench;

import org.concord.feed.BundledData;
import org.junit.jupiter.api.Test;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SteadyCounterTest {
    /** A JIT whose total compilation time the test sets: the real one cannot be made to settle on cue. */
    private static final class SetJit implements CompilationMXBean {
        long millis;

        @Override
        public String getName() {
            return "set";
        }

        @Override
        public boolean isCompilationTimeMonitoringSupported() {
            return true;
        }

        @Override
        public long getTotalCompilationTime() {
            return millis;
        }

        @Override
        public javax.management.ObjectName getObjectName() {
            return ManagementFactory.getCompilationMXBean().getObjectName();
        }
    }

    /** Runs one window of {@code n} decisions after the JIT compiled for {@code jitMillis}; returns the indices given. */
    private static int[] window(SteadyCounter c, SetJit jit, int n, long jitMillis) {
        jit.millis += jitMillis;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = c.decided();
        }
        return out;
    }

    @Test
    void measuresOnlyOnceTwoWindowsInARowCompiledForUnderTheThreshold() throws Exception {
        SetJit jit = new SetJit();
        int[] settled = new int[1]; // the paced figure switches the replay's speed here
        SteadyCounter c = new SteadyCounter(jit, 3, 50, 2, () -> settled[0]++);
        assertThat(window(c, jit, 3, 500)).containsOnly(-1);
        assertThat(window(c, jit, 3, 5)).containsOnly(-1); // settled once
        assertThat(window(c, jit, 3, 300)).containsOnly(-1); // not yet: the run of settled windows starts again
        assertThat(window(c, jit, 3, 1)).containsOnly(-1);
        assertThat(settled[0]).isZero();
        assertThat(window(c, jit, 3, 2)).containsOnly(-1); // second settled window in a row: measuring from here
        assertThat(settled[0]).as("told once, before the first measured decision").isEqualTo(1);
        assertThat(c.warmWindows).isEqualTo(5);
        assertThat(c.await(0, TimeUnit.SECONDS)).isFalse();
        assertThat(window(c, jit, 3, 7)).containsExactly(0, 1, 2);
        assertThat(window(c, jit, 3, 4)).containsExactly(3, 4, 5);
        assertThat(c.await(0, TimeUnit.SECONDS)).isTrue();
        assertThat(c.measuredJitMillis()).isEqualTo(11);
        assertThat(c.measuredSeconds()).isPositive();
        assertThat(window(c, jit, 3, 0)).containsOnly(-1); // done: later decisions are not recorded
        assertThat(settled[0]).isEqualTo(1);
    }

    @Test
    void aJitThatNeverSettlesIsMeasuredAfterTheLastWarmUpWindow() throws Exception {
        SetJit jit = new SetJit();
        SteadyCounter c = new SteadyCounter(jit, 2, 4, 1, () -> { });
        for (int w = 0; w < 4; w++) {
            assertThat(window(c, jit, 2, 100)).containsOnly(-1);
        }
        assertThat(c.warmWindows).isEqualTo(4);
        assertThat(window(c, jit, 2, 100)).containsExactly(0, 1);
        assertThat(c.await(0, TimeUnit.SECONDS)).isTrue();
        assertThat(c.measuredJitMillis()).isEqualTo(100);
    }

    @Test
    void rejectsEmptyWindows() {
        assertThatThrownBy(() -> new SteadyCounter(new SetJit(), 0, 1, 1, () -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWindowIsOnePassOfTheBundledTapeInOneMinuteBars() {
        // 9,399 minutes with trades; a single pass decides 9,398 of them (its last bar never closes), a looped one all
        assertThat(DecisionFigures.minutes(BundledData.bitstampTrades())).isEqualTo(9_399);
    }
}
