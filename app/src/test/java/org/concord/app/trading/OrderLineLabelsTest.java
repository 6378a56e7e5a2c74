package org.concord.app.trading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Order lines' labels are stacked off each other, beside their lines (see {@link OrderLineLabelsOnChartTest}). */
class OrderLineLabelsTest {
    @Test
    void labelsOfLinesAFewPixelsApartAreStackedBesideTheirLines() {
        // four lines 5 px apart, labels 14 px tall, given in no particular order
        double[] y = {110, 100, 115, 105, Double.NaN};
        double[] h = {14, 14, 14, 14, 14};
        double[] top = OrderLineLabels.tops(y, h, 0, 1000);
        assertThat(top[4]).as("a line not drawn has no label").isNaN();
        assertThat(top[1]).as("the top line's label just above it").isEqualTo(100 - 1 - 14);
        assertThat(top[3]).as("the next line's label just below it").isEqualTo(105 + 1);
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                boolean apart = top[i] + h[i] <= top[j] || top[j] + h[j] <= top[i];
                assertThat(apart).as("labels of lines at %s and %s (tops %s, %s)", y[i], y[j], top[i], top[j]).isTrue();
            }
        }
        assertThat(OrderLineLabels.tops(new double[] {300}, new double[] {14}, 0, 1000)).as("a lone line's label: above it, as before")
                .containsExactly(300 - 1 - 14);
    }

    /** A line at the plot's top edge (its price above the chart): above it the label would be off the plot. */
    @Test
    void aLabelIsNeverPlacedAboveThePlot() {
        assertThat(OrderLineLabels.tops(new double[] {21}, new double[] {14}, 20, 1000)).as("a line at the top edge: its label below it")
                .containsExactly(21 + 1);
        double[] top = OrderLineLabels.tops(new double[] {21, 21}, new double[] {14, 14}, 20, 1000);
        assertThat(top).as("two lines at the top edge: the labels stacked below").containsExactlyInAnyOrder(22.0, 22.0 + 14 + 1);
        assertThat(OrderLineLabels.tops(new double[] {40}, new double[] {14}, 20, 1000)).as("room above inside the plot: above it")
                .containsExactly(40 - 1 - 14);
    }

    /**
     * Seen in the acceptance suite: two working orders near the bottom of the plot took the room above and below the
     * line of a far order drawn at the bottom edge, and its label was stacked under them, out of the plot.
     */
    @Test
    void labelsStackedPastThePlotsBottomMoveUpInsideIt() {
        double[] y = {526, 541, 564};
        double[] h = {14, 14, 14};
        double[] top = OrderLineLabels.tops(y, h, 0, 565);
        for (int i = 0; i < 3; i++) {
            assertThat(top[i] + h[i]).as("label %d's bottom, inside the plot", i).isLessThanOrEqualTo(565);
            assertThat(Math.abs(top[i] + h[i] / 2 - y[i])).as("label %d within two labels' height of its line", i).isLessThanOrEqualTo(2 * h[i]);
            for (int j = i + 1; j < 3; j++) {
                boolean apart = top[i] + h[i] <= top[j] || top[j] + h[j] <= top[i];
                assertThat(apart).as("labels %d and %d (tops %s, %s)", i, j, top[i], top[j]).isTrue();
            }
        }
        assertThat(top[2]).as("the edge line's label the lowest").isGreaterThan(top[1]);
    }
}
