package org.concord.annotate.chart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PaneAxesTest {

    @Test
    void priceStepsAreOneTwoOrFiveTimesAPowerOfTenAndWholeTicks() {
        assertThat(PaneAxes.priceStep(0.021, 0.01)).isCloseTo(0.05, within(1e-12));
        assertThat(PaneAxes.priceStep(0.013, 0.01)).isCloseTo(0.02, within(1e-12));
        assertThat(PaneAxes.priceStep(0.002, 0.01)).as("never finer than the tick").isCloseTo(0.01, within(1e-12));
        assertThat(PaneAxes.priceStep(2.2, 0.01)).isCloseTo(5, within(1e-12));
        assertThat(PaneAxes.priceStep(20, 0.01)).isCloseTo(20, within(1e-12));
        assertThat(PaneAxes.priceStep(0.15, 0.25)).as("whole ticks of a quarter").isCloseTo(0.25, within(1e-12));
        assertThat(PaneAxes.priceStep(0.3, 0.25)).isCloseTo(0.5, within(1e-12));
        assertThat(PaneAxes.priceStep(1.5, 0.25)).isCloseTo(2, within(1e-12));
    }
}
