package org.concord.training.frames;

import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.training.RealBars;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Before its base timeframe's first closed bar there is nothing to see: {@code build} refuses, {@code buildIfSeen}
 * says so with null (a model then abstains instead of striking out). From the first bar on, both build the same frame.
 */
class FrameBuilderTest {
    @Test
    void nothingToSeeBeforeTheFirstBaseBarAndTheSameFrameFromIt() {
        Map<Timeframe, BarSeries> bars = RealBars.bitstamp();
        FrameBuilder b = new FrameBuilder(new SeriesWindowSource(bars), NoLookaheadTest.SPEC);
        BarSeries m1 = bars.get(Timeframe.M1);
        long beforeAny = m1.time(0);
        assertThat(b.buildIfSeen(NoLookaheadTest.S, beforeAny)).isNull();
        assertThatThrownBy(() -> b.build(NoLookaheadTest.S, beforeAny)).hasMessageContaining("no closed 1m bars");
        long later = Timeframe.M1.closeTime(m1.time(500));
        assertThat(b.buildIfSeen(NoLookaheadTest.S, later).hash()).isEqualTo(b.build(NoLookaheadTest.S, later).hash());
        assertThat(b.buildIfSeen(NoLookaheadTest.S, later).barCounts()[0]).isEqualTo(60);
    }
}
