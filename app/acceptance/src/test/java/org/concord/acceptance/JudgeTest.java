package org.concord.acceptance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The judge's reading of cut text, without a display. */
class JudgeTest {
    @Test
    void aCutIsTheFullTextsStartAndEndAroundAnEllipsis() {
        assertThat(Judge.cutFrom("Timefra…", "Timeframe")).isTrue();
        assertThat(Judge.cutFrom("Sy...", "Symbol")).isTrue();
        assertThat(Judge.cutFrom("Last s…nals", "Last signals")).as("centre ellipsis").isTrue();
        assertThat(Judge.cutFrom("…", "Train now")).as("nothing left but the ellipsis").isTrue();
        assertThat(Judge.cutFrom("Loading…", "showing BTCUSD")).as("a text not re-rendered yet").isFalse();
        assertThat(Judge.cutFrom("Export…", "Export…")).as("an ellipsis that belongs to the label").isFalse();
        assertThat(Judge.cutFrom("Timeframe", "Timeframe 1m")).as("no ellipsis").isFalse();
    }
}
