package org.concord.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentEventsTest {
    @Test
    void keepsTheNewestInOrderAndCountsThemAll() {
        RecentEvents<Integer> r = new RecentEvents<>(3);
        assertThat(r.list()).isEmpty();
        r.add(1);
        r.add(2);
        assertThat(r.list()).containsExactly(1, 2);
        for (int i = 3; i <= 10; i++) {
            r.add(i);
        }
        assertThat(r.list()).containsExactly(8, 9, 10);
        assertThat(r.total()).isEqualTo(10);
        assertThat(r.capacity()).isEqualTo(3);
    }

    @Test
    void refusesNullAndAnEmptyCapacity() {
        assertThatThrownBy(() -> new RecentEvents<>(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentEvents<String>(2).add(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
