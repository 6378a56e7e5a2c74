package org.concord.app.live;

import com.sun.javafx.stage.WindowHelper;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.concord.app.DeskHarness;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * The crosshair goes when the pointer leaves the plot and comes back when it returns. Seen on the desk: with the
 * pointer on the chart, the shortcuts dialog (F1) opened over it; the pointer left the window for the dialog at a
 * point inside the plot, the window got no other event, and the crosshair stayed drawn under the dialog and, once the
 * dialog closed over the blotter, beside a pointer nowhere near the chart. Here a second window lies over the plot.
 */
class ChartCrosshairLeaveTest {
    private LiveChartView view;
    private Stage other;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void show() throws Exception {
        view = ChartOnStage.show(700, 500);
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 400);
        robot.interact(() -> view.apply(new LiveDelta(Symbol.of("BTCUSD"), Timeframe.M1, m1, new long[0], new double[0], List.of(), true, null)));
        DeskHarness.pulses(3);
        Bounds plot = plot();
        robot.interact(() -> {
            // another window (a dialog, a menu) over the plot's right half
            other = new Stage(StageStyle.UNDECORATED);
            other.setScene(new Scene(new Pane(), 120, 120));
            other.setX(plot.getMinX() + plot.getWidth() * 0.6);
            other.setY(plot.getMinY() + plot.getHeight() * 0.3);
            other.show();
        });
        DeskHarness.pulses(2);
    }

    @AfterEach
    void hide() throws Exception {
        robot.interact(() -> other.hide());
        FxToolkit.cleanupStages();
    }

    @Test
    void thePointerLeavingForAWindowOverThePlotTakesTheCrosshairAway() throws Exception {
        robot.moveTo(inPlot(0.3));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, this::drawn);

        robot.moveTo(onOther());
        DeskHarness.pulses(3);
        assertThat(drawn()).as("crosshair drawn with the pointer on the window over the plot").isFalse();

        robot.moveTo(inPlot(0.25));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, this::drawn);
        assertThat(drawn()).as("crosshair back with the pointer on the plot").isTrue();
    }

    /**
     * The desk's case: F1 with the pointer on the chart opens the shortcuts list, a modal dialog, over the plot; the
     * chart's window gets no event while it is open, and when it is closed with the pointer over the blotter none
     * either until the pointer moves. The crosshair must not be drawn through all that.
     */
    @Test
    void aModalDialogOpeningOverThePlotTakesTheCrosshairAway() throws Exception {
        robot.moveTo(inPlot(0.3));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, this::drawn);
        Stage[] dialog = new Stage[1];
        robot.interact(() -> {
            dialog[0] = new Stage();
            dialog[0].initOwner(view.node().getScene().getWindow());
            dialog[0].initModality(Modality.WINDOW_MODAL);
            dialog[0].setScene(new Scene(new Pane(), 200, 200));
            dialog[0].setX(plot().getMinX() + 10);
            dialog[0].setY(plot().getMinY() + 10);
            dialog[0].show();
            // the focus goes to the dialog, as the desktop (GTK) moves it; Monocle leaves both windows focused
            WindowHelper.setFocused(view.node().getScene().getWindow(), false);
        });
        DeskHarness.pulses(3);
        assertThat(drawn()).as("crosshair drawn under the modal dialog").isFalse();
        robot.interact(() -> {
            dialog[0].hide();
            WindowHelper.setFocused(view.node().getScene().getWindow(), true);
        });
        DeskHarness.pulses(3);
        assertThat(drawn()).as("crosshair drawn after the dialog closed, the pointer not moved").isFalse();
        robot.moveTo(inPlot(0.35));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, this::drawn);
    }

    /** While a menu holds the crosshair it stays with the pointer on the menu; when the menu closes it goes. */
    @Test
    void aHeldCrosshairStaysWhileTheMenuIsOpenAndGoesWhenItCloses() throws Exception {
        robot.moveTo(inPlot(0.3));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, this::drawn);
        robot.interact(() -> view.holdCrosshair(view.priceAxis().getValueForDisplay(100)));
        robot.moveTo(onOther()); // onto the menu
        DeskHarness.pulses(3);
        assertThat(drawn()).as("crosshair beside the open menu").isTrue();
        robot.interact(view::releaseCrosshair); // the menu closed, the pointer off the window
        DeskHarness.pulses(2);
        assertThat(drawn()).as("crosshair after the menu closed with the pointer off the window").isFalse();
    }

    /** Whether the crosshair's lines and label are drawn on the chart now. */
    private boolean drawn() {
        return fx(() -> {
            Node path = view.node().lookup("#crosshairIndicator-Path");
            Node label = view.node().lookup("#crosshairIndicator-Label");
            return path != null && label != null && path.isVisible() && label.isVisible();
        });
    }

    private Bounds plot() {
        return fx(() -> view.node().getCanvas().localToScreen(view.node().getCanvas().getBoundsInLocal()));
    }

    private Point2D inPlot(double fraction) {
        Bounds b = plot();
        return new Point2D(b.getMinX() + b.getWidth() * fraction, b.getMinY() + b.getHeight() * 0.5);
    }

    private Point2D onOther() {
        return fx(() -> new Point2D(other.getX() + 60, other.getY() + 60));
    }
}
