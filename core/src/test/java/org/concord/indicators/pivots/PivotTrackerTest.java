package org.concord.indicators.pivots;

import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PivotTrackerTest {
    static final Symbol S = BundledData.BTCUSD;

    @Test
    void handWorkedSwingsArePublishedOnTheBarThatConfirmsThem() {
        // strength 1: a bar is a level-1 swing high when its high is strictly above both neighbours
        PivotTracker t = new PivotTracker(S, Timeframe.M1, 2, 1);
        double[] highs = {10, 12, 11, 14, 13, 13.5, 12};
        List<List<PivotEvent>> perBar = new ArrayList<>();
        for (int i = 0; i < highs.length; i++) {
            perBar.add(t.onBarClose(i * 60_000L, highs[i], highs[i] - 5 + (i == 4 ? -1 : 0)));
        }
        // bar 1 (12) is confirmed by bar 2; bar 3 (14) by bar 4; bar 5 (13.5) by bar 6
        assertThat(perBar.get(0)).isEmpty();
        assertThat(perBar.get(1)).isEmpty();
        assertThat(perBar.get(2)).containsExactly(new PivotEvent(S, Timeframe.M1, 1, PivotEvent.Kind.SWING_HIGH, 60_000, 12, 180_000, 0));
        assertThat(perBar.get(4)).filteredOn(e -> e.kind() == PivotEvent.Kind.SWING_HIGH)
                .containsExactly(new PivotEvent(S, Timeframe.M1, 1, PivotEvent.Kind.SWING_HIGH, 180_000, 14, 300_000, 1));
        // bar 5's high 13.5 is a lower high; with it the 14 stands out above 12 and 13.5: a level-2 swing high
        assertThat(perBar.get(6)).filteredOn(e -> e.kind() == PivotEvent.Kind.SWING_HIGH).containsExactly(
                new PivotEvent(S, Timeframe.M1, 1, PivotEvent.Kind.SWING_HIGH, 300_000, 13.5, 420_000, -1),
                new PivotEvent(S, Timeframe.M1, 2, PivotEvent.Kind.SWING_HIGH, 180_000, 14, 420_000, 0));
        assertThat(perBar.get(6).get(0).label()).isEqualTo("LH");
        // bar 4's low (7) is below bar 3's (9) and bar 5's (8.5), a higher low than bar 2's 6: HL confirmed by bar 5
        assertThat(perBar.get(5)).containsExactly(new PivotEvent(S, Timeframe.M1, 1, PivotEvent.Kind.SWING_LOW, 240_000, 7, 360_000, 1));
    }

    @Test
    void eventsUpToATimeDoNotDependOnLaterBars() {
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
        int cut = 5_000;
        List<PivotEvent> real = run(m1, m1.size());
        // the future rewritten: every bar after the cut scaled by 1.37 and its range widened
        BarSeries changed = m1.copy();
        for (int i = cut + 1; i < changed.size(); i++) {
            double f = 1.37 + 0.01 * (i % 7);
            changed.upsert(changed.time(i), changed.open(i) * f, changed.high(i) * f * 1.01, changed.low(i) * f * 0.99, changed.close(i) * f,
                    changed.volume(i));
        }
        List<PivotEvent> perturbed = run(changed, changed.size());
        long cutClose = Timeframe.M1.closeTime(m1.time(cut));
        List<PivotEvent> before = real.stream().filter(e -> e.confirmedAt() <= cutClose).toList();
        assertThat(before).hasSizeGreaterThan(500);
        assertThat(perturbed.stream().filter(e -> e.confirmedAt() <= cutClose).toList()).isEqualTo(before);
        assertThat(real).isNotEqualTo(perturbed);
        // and each event is published on the bar whose close is its confirmation (never before)
        PivotTracker t = new PivotTracker(S, Timeframe.M1, 3, 2);
        for (int i = 0; i < m1.size(); i++) {
            long close = Timeframe.M1.closeTime(m1.time(i));
            for (PivotEvent e : t.onBarClose(m1.time(i), m1.high(i), m1.low(i))) {
                assertThat(e.confirmedAt()).isEqualTo(close);
                assertThat(Timeframe.M1.closeTime(e.barTime())).isLessThan(close);
            }
        }
    }

    @Test
    void badInputIsRefused() {
        PivotTracker t = new PivotTracker(S, Timeframe.M1, 3, 2);
        t.onBarClose(60_000, 10, 9);
        assertThatThrownBy(() -> t.onBarClose(60_000, 10, 9)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after");
        assertThatThrownBy(() -> t.onBarClose(120_000, 9, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("high");
        assertThatThrownBy(() -> new PivotTracker(S, Timeframe.M1, 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PivotEvent(S, Timeframe.M1, 1, PivotEvent.Kind.SWING_LOW, 60_000, 10, 60_000, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<PivotEvent> run(BarSeries bars, int n) {
        PivotTracker t = new PivotTracker(S, Timeframe.M1, 3, 2);
        List<PivotEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.addAll(t.onBarClose(bars.time(i), bars.high(i), bars.low(i)));
        }
        return out;
    }
}
