package org.concord.engine;

import org.concord.chart.ChartOverlay;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.StateVector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OverlayPublisherTest {
    private static final Symbol S = Symbol.of("BTCUSD");

    @Test
    void levelsAndExtremaAreTheModulesDistancesTurnedBackIntoPrices() {
        // close 110; P at 100 → distP = 110/100 − 1 = 0.1; R1 at 120 → −0.0833…; swing high 121 → 110/121 − 1
        List<String> names = List.of("pivots.l1.distHigh", "pivots.l1.distLow", "pivots.pp.ready", "pivots.pp.distP", "pivots.pp.distR1",
                "pivots.pp.distS1", "pivots.pp.distR2", "pivots.pp.distS2", "extrema.ready", "extrema.last", "extrema.sinceMax",
                "extrema.sinceMin", "extrema.distMax", "extrema.distMin");
        double[] v = {110.0 / 121 - 1, 110.0 / 104 - 1, 1, 0.1, 110.0 / 120 - 1, 110.0 / 90 - 1, 0, 0, 1, -1, 4, 0, 110.0 / 115 - 1,
                110.0 / 108 - 1};
        long close = 1_000_000 * 60_000L;
        Decision d = new Decision(7, S, Timeframe.M1, close, 110, Action.BUY, 0.5, 0.5, "rule", List.of());
        ChartOverlay o = OverlayPublisher.overlay(d, new StateVector(1, names, v));
        assertThat(o.levels().get("P")).isCloseTo(100, within(1e-9));
        assertThat(o.levels().get("R1")).isCloseTo(120, within(1e-9));
        assertThat(o.levels().get("S1")).isCloseTo(90, within(1e-9));
        assertThat(o.levels()).doesNotContainKeys("R2", "S2"); // 0 = not known yet
        assertThat(o.levels().get("swing high")).isCloseTo(121, within(1e-9));
        assertThat(o.levels().get("swing low")).isCloseTo(104, within(1e-9));
        // the decision bar opened at close − 1m; the max was 4 bars before it
        assertThat(o.extrema()).containsExactly(new ChartOverlay.Extremum(close - 5 * 60_000L, 110 / (1 + (110.0 / 115 - 1)), true),
                new ChartOverlay.Extremum(close - 60_000L, 110 / (1 + (110.0 / 108 - 1)), false));
        assertThat(o.extrema().get(0).price()).isCloseTo(115, within(1e-9));
    }

    @Test
    void modulesThatAreOffGiveNoOverlay() {
        Decision d = new Decision(1, S, Timeframe.M1, 60_000, 100, Action.HOLD, 0, 0, "rule", List.of());
        ChartOverlay o = OverlayPublisher.overlay(d, new StateVector(1, List.of("microstructure.flow"), new double[] {0.3}));
        assertThat(o.levels()).isEmpty();
        assertThat(o.extrema()).isEmpty();
        assertThat(OverlayPublisher.overlay(d, null).levels()).isEmpty();
    }
}
