package org.concord.app.trading;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.concord.app.DeskHarness;
import org.concord.app.live.ChartOnStage;
import org.concord.app.live.LiveChartView;
import org.concord.app.live.LiveDelta;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.concord.app.DeskHarness.fx;

/**
 * Order and position lines far from the candles are drawn at the plot's edge, pointing to their price, and the
 * candles keep their height; a line near the candles is fitted and drawn at its price. Seen on the desk: a limit 10 %
 * below the market squashed the 1m candles into a fifth of the plot.
 */
class FarOrderLinesTest {
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void farLinesSitAtTheEdgeAndCanBeDraggedIn() throws Exception {
        OrderLinesPlugin[] lines = new OrderLinesPlugin[1];
        AtomicReference<Double> moved = new AtomicReference<>();
        LiveChartView view = ChartOnStage.show(900, 600, v -> {
            lines[0] = new OrderLinesPlugin(v.priceAxis());
            lines[0].setOnMoved((l, p) -> moved.set(p));
            v.node().getPlugins().add(lines[0]);
            v.setLabelObstacles(lines[0]::labelBounds);
        });
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 200);
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < m1.size(); i++) {
            low = Math.min(low, m1.low(i));
            high = Math.max(high, m1.high(i));
        }
        double near = Math.floor(low - (high - low) * 0.3);
        double far = Math.floor(low * 0.85);
        double farAbove = Math.ceil(high * 1.2);
        List<OrderLine> shown = List.of(
                new OrderLine(OrderLine.Kind.ENTRY, "man-1", near, "BUY LIMIT 0.1 @ " + Amounts.number(near) + "  man-1", true),
                new OrderLine(OrderLine.Kind.ENTRY, "man-2", far, "BUY LIMIT 0.1 @ " + Amounts.number(far) + "  man-2", true),
                new OrderLine(OrderLine.Kind.BOT_POSITION, null, farAbove, "bot position 0.2 @ " + Amounts.number(farAbove), false));
        robot.interact(() -> {
            view.apply(new LiveDelta(Symbol.of("BTCUSD"), Timeframe.M1, m1, new long[0], new double[0], List.of(), true, null));
            lines[0].show(shown);
            view.keepInView(shown.stream().mapToDouble(OrderLine::price).toArray()); // what TradingDock does
        });
        DeskHarness.pulses(3);
        DeskHarness.shot(fx(() -> (Stage) view.node().getScene().getWindow()), "far-order-lines");

        double min = fx(() -> view.priceAxis().getMin());
        double max = fx(() -> view.priceAxis().getMax());
        assertThat(min).as("the near order fitted").isLessThan(near);
        assertThat(min).as("the far order not fitted").isGreaterThan(far);
        assertThat(max).as("the bot's far position not fitted").isLessThan(farAbove);
        assertThat((high - low) / (max - min)).as("the candles' share of the price axis").isGreaterThan(0.5);

        Bounds plot = fx(() -> view.node().getCanvas().localToScene(view.node().getCanvas().getBoundsInLocal()));
        assertThat(lineY("#order-line-entry-man-1", view)).as("the near order's line at its price")
                .isCloseTo(fx(() -> view.node().getCanvas().localToScene(0, view.priceAxis().getDisplayPosition(near)).getY()), within(0.01));
        assertThat(label(view, "man-1")).startsWith("BUY LIMIT");
        assertThat(lineY("#order-line-entry-man-2", view)).as("the far order's line at the plot's bottom edge").isCloseTo(plot.getMaxY() - 1, within(0.5));
        assertThat(label(view, "man-2")).as("the far order's label points down to its price").startsWith("▼ BUY LIMIT");
        Bounds farLabel = labelBounds(view, "man-2");
        assertThat(farLabel.getMaxY()).as("its label inside the plot").isLessThanOrEqualTo(plot.getMaxY());
        Bounds botLabel = labelBounds(view, "bot position");
        assertThat(label(view, "bot position")).as("the bot's position above the chart").startsWith("▲ bot position");
        assertThat(botLabel.getMinY()).as("its label inside the plot, below the top edge").isGreaterThanOrEqualTo(plot.getMinY());

        // a drag from the edge brings the far order to the price under the pointer (the robot moves in screen pixels)
        double x = plot.getMinX() + plot.getWidth() * 0.6;
        double edgeY = lineY("#order-line-entry-man-2", view) - 2; // within the grab's reach, off the plot's last pixel row
        double toY = plot.getMinY() + plot.getHeight() * 0.7;
        Point2D from = fx(() -> view.node().getScene().getRoot().localToScreen(x, edgeY));
        robot.drag(from, MouseButton.PRIMARY).moveBy(0, (toY - edgeY) / 2).moveBy(0, (toY - edgeY) / 2).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> moved.get() != null);
        double expected = fx(() -> view.priceAxis().getValueForDisplay(view.node().getCanvas().sceneToLocal(x, toY).getY()));
        double perPixel = (max - min) / plot.getHeight(); // the robot's pointer lands on whole screen pixels
        assertThat(moved.get()).as("the far order moved to the price under the pointer").isCloseTo(expected, within(2 * perPixel));
    }

    private static double lineY(String id, LiveChartView view) {
        Line line = fx(() -> (Line) view.node().lookup(id));
        assertThat(fx(line::isVisible)).as(id + " drawn").isTrue();
        return fx(() -> line.localToScene(line.getStartX(), line.getStartY()).getY());
    }

    private static Label labelNode(LiveChartView view, String part) {
        return fx(() -> view.node().lookupAll(".label").stream()
                .filter(n -> n instanceof Label l && l.isVisible() && l.getText() != null && l.getText().contains(part))
                .map(n -> (Label) n).findFirst().orElseThrow(() -> new AssertionError("no label with " + part)));
    }

    private static String label(LiveChartView view, String part) {
        Label l = labelNode(view, part);
        return fx(l::getText);
    }

    private static Bounds labelBounds(LiveChartView view, String part) {
        Label l = labelNode(view, part);
        return fx(() -> l.localToScene(l.getBoundsInLocal()));
    }
}
