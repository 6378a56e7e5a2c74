package org.concord.app.live;

import javafx.geometry.Point2D;
import org.concord.app.DeskHarness;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Contribution;
import org.concord.orchestrator.Decision;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * A decision marker shows its label (action and confidence) when the pointer rests on it, and a candle shows none (the
 * crosshair gives its time and price). Seen on the real display: no marker ever did. ChartFX's data point tooltip looks for points only in renderers that carry their own axes, and
 * the markers' renderer drew on the chart's axes without carrying them.
 */
class MarkerHoverTest {
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void restingOnADecisionMarkerShowsItsLabel() throws Exception {
        LiveChartView view = ChartOnStage.show(700, 500);
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 120);
        int i = 60;
        LiveDelta.Marker buy = new LiveDelta.Marker(m1.time(i), m1.close(i), true, 0.62, "BUY 0.62 (fusion)");
        robot.interact(() -> view.apply(new LiveDelta(Symbol.of("BTCUSD"), Timeframe.M1, m1, new long[0], new double[0], List.of(buy), true, null)));
        DeskHarness.pulses(3);
        // a candle's own point has nothing to say ("'candles [30]'" was shown once the markers had their axes)
        int k = 30;
        Point2D candle = fx(() -> view.node().getCanvas().localToScreen(view.timeAxis().getDisplayPosition(m1.time(k) / 1000.0),
                view.priceAxis().getDisplayPosition(view.candles().get(1, k))));
        robot.moveTo(new Point2D(candle.getX() - 30, candle.getY() - 30));
        robot.moveTo(candle);
        DeskHarness.pulses(3);
        assertThat(ChartOnStage.tooltip(view)).as("the label on a candle").isEmpty();

        restOnTheBuy(view);
        assertThat(ChartOnStage.tooltip(view).orElseThrow()).isEqualTo("BUY 0.62 (fusion)\nbar 2013-11-25 01:00:00");
    }

    /**
     * The desk's longest decision label is drawn whole in a chart as narrow as the desk's at 1280×800: as one line
     * ("BUY · confidence 36 % · weighted vote of 12 modules (neural-fusion not trained yet) · decision #3310") it was
     * cut to "…" even at 1600×1000.
     */
    @Test
    void aDecisionsLabelInATradersWordsIsDrawnWholeInANarrowChart() throws Exception {
        LiveChartView view = ChartOnStage.show(520, 420);
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 120);
        List<Contribution> votes = IntStream.range(0, 12)
                .mapToObj(v -> new Contribution("module-" + v, Action.BUY, 0.6, 1, 0.6, 1.0 / 12, Timeframe.M1, 60_000, null)).toList();
        Decision d = new Decision(3310, Symbol.of("BTCUSD"), Timeframe.M1, m1.time(61), m1.close(60), Action.BUY, 0.36, 0.36,
                "rule (neural-fusion untrained)", votes);
        String label = MarkerTexts.decision(d);
        LiveDelta.Marker buy = new LiveDelta.Marker(m1.time(60), m1.close(60), true, 0.36, label);
        robot.interact(() -> view.apply(new LiveDelta(Symbol.of("BTCUSD"), Timeframe.M1, m1, new long[0], new double[0], List.of(buy), true, null)));
        DeskHarness.pulses(3);
        restOnTheBuy(view);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ChartOnStage.drawnTooltip(view).isPresent());
        assertThat(ChartOnStage.drawnTooltip(view).orElseThrow()).as("drawn, not cut").isEqualTo(label + "\nbar 2013-11-25 01:00:00");
    }

    /** Rests the pointer on the chart's BUY marker until its label shows. */
    private void restOnTheBuy(LiveChartView view) throws Exception {
        // where the marker is drawn: beside its candle, at the price the chart gave it
        Point2D at = fx(() -> {
            MarkerDataSet buys = (MarkerDataSet) view.node().getRenderers().stream().flatMap(r -> r.getDatasets().stream())
                    .filter(d -> d.getName().equals("BUY")).findFirst().orElseThrow();
            return view.node().getCanvas().localToScreen(view.timeAxis().getDisplayPosition(buys.get(0, 0)),
                    view.priceAxis().getDisplayPosition(buys.get(1, 0)));
        });
        robot.moveTo(new Point2D(at.getX() - 30, at.getY() - 30));
        robot.moveTo(at);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ChartOnStage.tooltip(view).isPresent());
    }
}
