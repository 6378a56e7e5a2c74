package org.concord.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a CPU-clocked steady run says of its slowest decisions: their own work, or a thread taken off the CPU. */
class SteadyStateTest {
    @Test
    void theSlowestPercentIsSplitByTheThreadsTimeOnTheCpu() {
        long[] wall = new long[200];
        long[] cpu = new long[200];
        Arrays.fill(wall, 20_000);
        Arrays.fill(cpu, 19_000);
        // the two slowest of 200 (the top 1 %): one worked for its whole time, one was preempted for most of it
        wall[17] = 90_000;
        cpu[17] = 88_000;
        wall[150] = 4_000_000;
        cpu[150] = 60_000;
        DecisionFigures.SteadyState s = new DecisionFigures.SteadyState(wall, cpu, 3, 0, 843);
        assertThat(s.onCpuShareOfSlowest(99)).isEqualTo(50.0);
        assertThat(s.onCpuShareOfSlowest(0)).isEqualTo(100.0 * 199 / 200);
    }

    @Test
    void aRunWithoutTheCpuClockCannotTell() {
        DecisionFigures.SteadyState s = new DecisionFigures.SteadyState(new long[] {1, 2}, new long[0], 1, 0, 1);
        assertThatThrownBy(() -> s.onCpuShareOfSlowest(99)).isInstanceOf(IllegalStateException.class).hasMessageContaining("clocked");
    }
}
