package org.concord.app.live;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.layout.FlowPane;
import org.concord.app.DeskHarness;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * The pointer near the chart's top edge slides nothing over the candles. ChartFX's chart keeps a tool bar there that
 * slides in when the pointer comes within 50 px of the top; the live chart puts nothing in it, and on the desk it was a
 * dark band over the newest candles and the position line, left there until the pointer moved over the plot again.
 */
class ChartToolBarTest {
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void thePointerAtTheTopOfTheChartSlidesNoBandOverThePlot() throws Exception {
        LiveChartView view = ChartOnStage.show(700, 500);
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 200);
        robot.interact(() -> view.apply(new LiveDelta(Symbol.of("BTCUSD"), Timeframe.M1, m1, new long[0], new double[0], List.of(), true, null)));
        DeskHarness.pulses(3);
        Bounds plot = fx(() -> view.node().getPlotArea().localToScreen(view.node().getPlotArea().getBoundsInLocal()));
        robot.moveTo(new Point2D(plot.getCenterX(), plot.getCenterY()));
        robot.moveTo(new Point2D(plot.getCenterX(), plot.getMinY() + 3));
        robot.moveTo(new Point2D(plot.getCenterX() + 20, plot.getMinY() + 2));
        // ChartFX slides it in over a few hundred milliseconds after the pointer came near: watch for it that long and more
        long until = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < until) {
            DeskHarness.pulses(1);
            assertThat(fx(() -> shown(view))).as("a tool bar drawn over the chart").isFalse();
        }
    }

    /** The tool bar drawn within the chart (ChartFX keeps it out of sight and invisible until it slides in). */
    private static boolean shown(LiveChartView view) {
        FlowPane bar = view.node().getToolBar();
        if (!bar.isVisible() || bar.getScene() == null) {
            return false;
        }
        Bounds b = bar.localToScreen(bar.getBoundsInLocal());
        Bounds chart = view.node().localToScreen(view.node().getBoundsInLocal());
        return b != null && b.getHeight() > 0 && chart.intersects(b);
    }
}
