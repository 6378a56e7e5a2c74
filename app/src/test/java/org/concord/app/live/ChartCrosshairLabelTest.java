package org.concord.app.live;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.text.Text;
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
 * The crosshair's "time, price" label stays inside the plot. Seen on the desk with the chart about 420 px wide: the
 * mouse in the middle, the label was put left of it (it would have passed the right edge) and its start was cut by
 * the left edge ("3-11-27 04:14:10, 885.86").
 */
class ChartCrosshairLabelTest {
    private LiveChartView view;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void show() throws Exception {
        view = ChartOnStage.show(420, 400);
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 400);
        robot.interact(() -> view.apply(new LiveDelta(Symbol.of("BTCUSD"), Timeframe.M1, m1, new long[0], new double[0], List.of(), true, null)));
        DeskHarness.pulses(3);
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theLabelIsWrittenWholeInsideThePlotWhereverTheMouseIs() throws Exception {
        for (double fraction : new double[] {0.05, 0.3, 0.5, 0.6, 0.75, 0.95}) {
            Bounds plot = fx(() -> view.node().getPlotArea().localToScreen(view.node().getPlotArea().getBoundsInLocal()));
            Point2D at = new Point2D(plot.getMinX() + plot.getWidth() * fraction, plot.getMinY() + plot.getHeight() * 0.5);
            robot.moveTo(at);
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> label() != null);
            DeskHarness.pulses(2);
            Bounds label = label();
            assertThat(label.getMinX()).as("label's left edge, mouse at %.0f %% of the plot's width", 100 * fraction)
                    .isGreaterThanOrEqualTo(plot.getMinX() - 0.5);
            assertThat(label.getMaxX()).as("label's right edge, mouse at %.0f %% of the plot's width", 100 * fraction)
                    .isLessThanOrEqualTo(plot.getMaxX() + 0.5);
        }
    }

    /** The crosshair label's bounds on the screen, or null while it is not shown. */
    private Bounds label() {
        return fx(() -> {
            Node n = view.node().lookup("#crosshairIndicator-Label");
            if (!(n instanceof Text t) || !t.isVisible() || t.getText() == null || !t.getText().contains(", ") || t.getScene() == null) {
                return null;
            }
            return t.localToScreen(t.getBoundsInLocal());
        });
    }
}
