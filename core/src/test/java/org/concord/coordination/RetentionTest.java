package org.concord.coordination;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionTest {
    @Test
    void theNewestAreKeptWithinTheLimitAndAllWithout() {
        Retention r = Retention.newest(10);
        List<Integer> h = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            h.add(i);
            r.apply(h);
            assertThat(h.size()).isLessThanOrEqualTo(10);
            assertThat(h.get(h.size() - 1)).isEqualTo(i);
        }
        assertThat(h).isSorted().hasSizeGreaterThanOrEqualTo(5);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            all.add(i);
            Retention.ALL.apply(all);
        }
        assertThat(all).hasSize(1_000);
        assertThatThrownBy(() -> Retention.newest(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAllocationManagersHistoryKeepsItsNewestUpdates() {
        CapitalAllocationManager m = new CapitalAllocationManager(AllocationConfig.defaults(), new AllocationOptimizer(0.1, 0.5, 0.1, 5),
                new RegimeDetector(EfficiencyRatioMeasure.defaults(), RegimeDetector.Config.defaults()), new RegimeScores(288, 100), null);
        m.keep(Retention.newest(8));
        for (int i = 0; i < 100; i++) {
            m.update(60_000L * i);
        }
        assertThat(m.history()).hasSizeBetween(4, 8);
        assertThat(m.history().get(m.history().size() - 1).time()).isEqualTo(60_000L * 99);
    }
}
