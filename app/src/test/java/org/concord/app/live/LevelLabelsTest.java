package org.concord.app.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule that keeps level labels at the chart's left edge off each other ({@link LevelLabels#offsets}). */
class LevelLabelsTest {
    @Test
    void labelsOnDistantLinesStayAtTheEdge() {
        double[] x = LevelLabels.offsets(new double[] {50, 120, 200}, new double[] {20, 30, 70}, new double[] {19, 19, 19}, 300);
        assertThat(x).containsExactly(0, 0, 0);
    }

    @Test
    void aLabelThatWouldCoverAnEarlierOneGoesBesideIt() {
        // P at 100, R1 one pixel below it, swing high 3 px further: each moves right of the ones it would cover
        double[] x = LevelLabels.offsets(new double[] {100, 101, 104}, new double[] {15, 24, 80}, new double[] {19, 19, 19}, 300);
        assertThat(x[0]).isZero();
        assertThat(x[1]).isEqualTo(15 + LevelLabels.GAP);
        assertThat(x[2]).isEqualTo(15 + LevelLabels.GAP + 24 + LevelLabels.GAP);
    }

    @Test
    void aLowerPriorityLabelWithNoRoomLeftIsLeftOut() {
        double[] x = LevelLabels.offsets(new double[] {100, 102}, new double[] {80, 80}, new double[] {19, 19}, 120);
        assertThat(x[0]).isZero();
        assertThat(x[1]).isNaN();
    }

    @Test
    void aLabelClearOfTheOthersVerticallyIsNotMoved() {
        // 19 px high labels 24 px apart (more than a height and the gap): no overlap, no move
        double[] x = LevelLabels.offsets(new double[] {100, 124}, new double[] {80, 80}, new double[] {19, 19}, 300);
        assertThat(x).containsExactly(0, 0);
    }
}
