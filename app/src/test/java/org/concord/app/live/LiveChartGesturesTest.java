package org.concord.app.live;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.concord.app.DeskHarness;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * The live chart's mouse gestures in time: a left drag pans (the span shown keeps its width and moves), Shift + left
 * drag zooms to the span dragged over, the middle button still pans. Before, a left drag box-zoomed and only the
 * middle button panned: on a touchpad there was no way to look back without zooming.
 */
class LiveChartGesturesTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private LiveChartView view;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void show() throws Exception {
        view = ChartOnStage.show(800, 500);
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 600);
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.M1, m1, new long[0], new double[0], List.of(), true, null)));
        DeskHarness.pulses(3);
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aLeftDragPansBackInTimeKeepingTheSpanAndEndsFollow() throws Exception {
        assertPans(MouseButton.PRIMARY);
    }

    @Test
    void theMiddleButtonStillPans() throws Exception {
        assertPans(MouseButton.MIDDLE);
    }

    @Test
    void aShiftDragZoomsToTheSpanDraggedOver() throws Exception {
        double[] before = range();
        shiftDragOver30Percent();
        // the zoom animates to its end: wait for the span to settle at about the 30 % dragged over
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> width(range()) < 0.4 * width(before));
        double[] after = range();
        assertThat(after[0]).as("the zoomed span starts inside the one before").isGreaterThan(before[0]);
        assertThat(after[1]).as("and ends inside it").isLessThan(before[1]);
        assertThat(fx(view::following)).as("a zoom ends follow").isFalse();
    }

    /**
     * Panned or zoomed with no new bar (the replay paused), the price axis fits the bars now shown: it kept the range of
     * the bars before, and candles panned to were cut off above it until the replay ran on (a new trader's trial).
     */
    @Test
    void aPanWithNoNewBarRefitsThePriceAxisToTheBarsShown() throws Exception {
        double[] before = range();
        robot.drag(plotPoint(0.1), MouseButton.PRIMARY).moveTo(plotPoint(0.5)).moveTo(plotPoint(0.9)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> range()[1] < before[1] - 0.5 * width(before));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> {
            double[] shown = range();
            CandleColumns c = fx(view::columns);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = c.lowerBound((long) (shown[0] * 1000)); i < c.lowerBound((long) (shown[1] * 1000) + 1); i++) {
                lo = Math.min(lo, c.low(i));
                hi = Math.max(hi, c.high(i));
            }
            double[] fit = PriceFit.of(lo, hi, new double[0]);
            double[] axis = fx(() -> new double[] {view.priceAxis().getMin(), view.priceAxis().getMax()});
            return Math.abs(axis[0] - fit[0]) < 1e-9 && Math.abs(axis[1] - fit[1]) < 1e-9;
        });
    }

    /**
     * A right click is the chart's order menu and leaves the chart where it is. The zoomer took it too, as "back to the
     * previous zoom", and put a chart panned or followed since on a window zoomed long before.
     */
    @Test
    void aRightClickLeavesTheChartWhereItIs() throws Exception {
        double[] whole = range();
        shiftDragOver30Percent();
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> width(range()) < 0.4 * width(whole));
        robot.drag(plotPoint(0.4), MouseButton.PRIMARY).moveTo(plotPoint(0.6)).release(MouseButton.PRIMARY);
        double[] panned = range();
        robot.clickOn(plotPoint(0.5), MouseButton.SECONDARY);
        DeskHarness.pulses(3);
        assertThat(range()).as("the span shown after a right click (before it: %s; the zoom before: %s)", Arrays.toString(panned),
                Arrays.toString(whole)).containsExactly(panned);
    }

    private void assertPans(MouseButton button) throws Exception {
        assertThat(fx(view::following)).isTrue();
        double[] before = range();
        // content dragged to the right: the view moves back in time by about the 40 % of the width dragged over
        robot.drag(plotPoint(0.3), button).moveTo(plotPoint(0.5)).moveTo(plotPoint(0.7)).release(button);
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> range()[1] < before[1] - 0.2 * width(before));
        double[] after = range();
        assertThat(width(after)).as("a pan keeps the span shown (was %.0f s)", width(before))
                .isCloseTo(width(before), Percentage.withPercentage(2));
        assertThat(before[1] - after[1]).as("moved back by about the distance dragged")
                .isBetween(0.3 * width(before), 0.5 * width(before));
        assertThat(fx(view::following)).as("a pan ends follow").isFalse();
    }

    /** Shift + left drag from 30 % to 60 % of the plot's width. */
    private void shiftDragOver30Percent() {
        robot.press(KeyCode.SHIFT);
        try {
            robot.drag(plotPoint(0.3), MouseButton.PRIMARY).moveTo(plotPoint(0.6)).release(MouseButton.PRIMARY);
        } finally {
            robot.release(KeyCode.SHIFT);
        }
    }

    private double[] range() {
        return fx(() -> new double[] {view.timeAxis().getMin(), view.timeAxis().getMax()});
    }

    private static double width(double[] r) {
        return r[1] - r[0];
    }

    /** A point at {@code fraction} of the plot's width, half way down. */
    private Point2D plotPoint(double fraction) {
        return fx(() -> {
            Node canvas = view.node().getCanvas();
            Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
            return new Point2D(b.getMinX() + fraction * b.getWidth(), b.getMinY() + 0.5 * b.getHeight());
        });
    }
}
