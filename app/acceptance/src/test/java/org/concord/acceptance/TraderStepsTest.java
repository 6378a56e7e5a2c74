package org.concord.acceptance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The steps' own reading of what the desk shows, without a display. */
class TraderStepsTest {
    private static final String FILL = "your BUY 0.1 @ 975.15 · man-2\nfilled 2013-11-28 09:52:00";

    @Test
    void aMarkersLabelOnA15mChartNamesThe15mCandleHoldingIts1mOne() {
        assertThat(TraderSteps.onCandleOf(FILL + "\nbar 2013-11-28 09:51:00", 15)).isEqualTo(FILL + "\nbar 2013-11-28 09:45:00");
        assertThat(TraderSteps.onCandleOf(FILL + "\nbar 2013-11-28 09:59:00", 15)).isEqualTo(FILL + "\nbar 2013-11-28 09:45:00");
        assertThat(TraderSteps.onCandleOf(FILL + "\nbar 2013-11-28 23:14:00", 15)).isEqualTo(FILL + "\nbar 2013-11-28 23:00:00");
    }

    /** The case that failed CI: a 1m candle that opens its 15m one has the same label on both charts. */
    @Test
    void aCandleOpeningItsQuarterHourKeepsItsLabel() {
        String label = FILL + "\nbar 2013-11-28 09:45:00";
        assertThat(TraderSteps.onCandleOf(label, 15)).isEqualTo(label);
    }

    @Test
    void aLabelWithoutABarLineIsAFailedStep() {
        assertThatThrownBy(() -> TraderSteps.onCandleOf(FILL, 15)).isInstanceOf(AssertionError.class).hasMessageContaining("a bar line");
    }
}
