package org.concord.training.models;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CnnBalanceTest {
    @Test
    void minorityClassesAreResampledToTheMajorityCount() {
        int[] labels = {2, 2, 2, 2, 2, 2, 0, 0, 1, 2};
        int[] rows = {0, 1, 2, 3, 4, 5, 6, 7, 8}; // row 9 is not a training row
        int[] out = CnnSignalModel.balance(rows, labels, 1);
        assertThat(out).hasSize(18);
        long buy = Arrays.stream(out).filter(r -> labels[r] == 0).count();
        long sell = Arrays.stream(out).filter(r -> labels[r] == 1).count();
        long hold = Arrays.stream(out).filter(r -> labels[r] == 2).count();
        assertThat(buy).isEqualTo(6);
        assertThat(sell).isEqualTo(6);
        assertThat(hold).isEqualTo(6);
        assertThat(out).doesNotContain(9).contains(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(CnnSignalModel.balance(rows, labels, 1)).isEqualTo(out); // seeded
    }
}
