package org.concord.annotate.chart;

import io.fair_acc.chartfx.XYChart;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.annotate.chart.FxWait.fx;

/**
 * The pointer near a pane's top edge slides nothing over its candles: ChartFX's empty tool bar slid in there as a dark
 * band, although the pane had hidden it (the bar's pane makes it visible as it slides in).
 */
@ExtendWith(ApplicationExtension.class)
class CandlePaneToolBarTest {
    private CandlePane pane;

    @Start
    void start(Stage stage) {
        pane = new CandlePane(Symbol.of("BTCUSD"), Timeframe.M1);
        ((Region) pane.node()).setPrefSize(600, 380);
        stage.setScene(new Scene((Region) pane.node(), 600, 380));
        stage.show();
    }

    @Test
    void thePointerAtThePanesTopSlidesNoBandOverIt(FxRobot robot) {
        Bounds chart = fx(() -> pane.chart().localToScreen(pane.chart().getBoundsInLocal()));
        robot.moveTo(new Point2D(chart.getCenterX(), chart.getCenterY()), Motion.DIRECT);
        robot.moveTo(new Point2D(chart.getCenterX(), chart.getMinY() + 3), Motion.DIRECT);
        robot.moveTo(new Point2D(chart.getCenterX() + 20, chart.getMinY() + 2), Motion.DIRECT);
        // ChartFX slides it in over a few hundred milliseconds after the pointer came near: watch for it that long and more
        long until = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < until) {
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(() -> shown(pane.chart()))).as("a tool bar drawn over the pane").isFalse();
        }
    }

    private static boolean shown(XYChart chart) {
        FlowPane bar = chart.getToolBar();
        if (!bar.isVisible() || bar.getScene() == null) {
            return false;
        }
        Bounds b = bar.localToScreen(bar.getBoundsInLocal());
        return b != null && b.getHeight() > 0 && chart.localToScreen(chart.getBoundsInLocal()).intersects(b);
    }
}
