package org.concord.app.live;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import org.concord.app.DeskHarness;
import org.concord.app.trading.OrderLinesPlugin;
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
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * The chart's right-click menu offers an order at the price the crosshair shows at the same point. Seen on the desk:
 * "Buy limit @ 876.77" under a crosshair reading 878.73. Both read the same pixel, but at different moments: the
 * crosshair wrote its label at the last mouse move, and the replay refitted the price axis (new bars, kept order
 * lines) under the still mouse before the click. The chart is right-clicked where the crosshair stands, before and
 * after such a refit, and the price the menu would offer (the order-lines plugin's pick) is compared with the
 * crosshair label's.
 */
class ChartMenuPriceTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private LiveChartView view;
    private OrderLinesPlugin lines;
    private final AtomicReference<Double> picked = new AtomicReference<>();
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void show() throws Exception {
        view = ChartOnStage.show(700, 500, v -> {
            lines = new OrderLinesPlugin(v.priceAxis());
            lines.setOnPricePicked((price, x, y) -> picked.set(price));
            v.node().getPlugins().add(lines);
        });
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 400);
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.M1, m1, new long[0], new double[0], List.of(), true, null)));
        DeskHarness.pulses(3);
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theMenuOffersThePriceTheCrosshairShowsAtTheClickPoint() throws Exception {
        for (double fraction : new double[] {0.1, 0.5, 0.9}) {
            Point2D at = plotPoint(fraction);
            robot.moveTo(at);
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> crosshairPrice() != null);
            String shown = crosshairPrice();
            picked.set(null);
            robot.clickOn(at, MouseButton.SECONDARY);
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> picked.get() != null);
            assertThat(String.format(java.util.Locale.ROOT, "%,.2f", picked.get()))
                    .as("menu price at %.0f %% of the plot's height (crosshair %s)", 100 * fraction, shown).isEqualTo(shown);
        }
    }

    @Test
    void aPriceAxisRefitUnderAStillMouseChangesTheCrosshairPriceAsItDoesTheMenus() throws Exception {
        Point2D at = plotPoint(0.5);
        robot.moveTo(at);
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> crosshairPrice() != null);
        String before = crosshairPrice();
        // a working order above the bars: the price axis refits to keep it in view, as bars arriving do
        robot.interact(() -> view.keepInView(new double[] {aboveTheBars()}));
        DeskHarness.pulses(3);
        // what a person reads just before clicking (the mouse has not moved)
        String shown = crosshairPrice();
        picked.set(null);
        robot.press(MouseButton.SECONDARY).release(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> picked.get() != null);
        String menu = String.format(java.util.Locale.ROOT, "%,.2f", picked.get());
        assertThat(menu).as("the axis moved: the price under the mouse changed").isNotEqualTo(before);
        assertThat(shown).as("crosshair price read after the refit, before the click that offers %s", menu).isEqualTo(menu);
    }

    /**
     * Seen on the desk after the crosshair followed refits: with the menu open the replay refitted the axis again, and
     * the crosshair read 897.43 beside "Buy limit @ 897.75". While a menu is open the crosshair names its price (the
     * dock holds it, as {@code held} does here); once the menu closes it follows the mouse again.
     */
    @Test
    void whileTheMenuIsOpenTheCrosshairKeepsNamingItsPrice() throws Exception {
        robot.interact(() -> lines.setOnPricePicked((price, x, y) -> {
            picked.set(price);
            view.holdCrosshair(price); // what TradingDock does when it opens the menu
        }));
        Point2D at = plotPoint(0.5);
        robot.moveTo(at);
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> crosshairPrice() != null);
        picked.set(null);
        robot.press(MouseButton.SECONDARY).release(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> picked.get() != null);
        String menu = String.format(java.util.Locale.ROOT, "%,.2f", picked.get());
        // the menu is open; the replay refits the axis under it
        robot.interact(() -> view.keepInView(new double[] {aboveTheBars()}));
        DeskHarness.pulses(3);
        assertThat(crosshairPrice()).as("crosshair beside the open menu offering %s", menu).isEqualTo(menu);

        robot.interact(view::releaseCrosshair); // the menu closed
        DeskHarness.pulses(2);
        String following = crosshairPrice();
        assertThat(following).as("after the menu closed: the price under the mouse on the refitted axis").isNotEqualTo(menu);
        robot.interact(() -> lines.setOnPricePicked((price, x, y) -> picked.set(price)));
        picked.set(null);
        robot.press(MouseButton.SECONDARY).release(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> picked.get() != null);
        assertThat(String.format(java.util.Locale.ROOT, "%,.2f", picked.get())).as("the next menu's price").isEqualTo(following);
    }

    /** A price a third of the axis's span above it: near enough to the bars to be fitted ({@link PriceFit}). FX thread. */
    private double aboveTheBars() {
        double min = view.priceAxis().getMin();
        double max = view.priceAxis().getMax();
        return max + (max - min) / 3;
    }

    /** A point inside the plot at {@code fraction} of its height from the top, on the screen. */
    private Point2D plotPoint(double fraction) {
        return fx(() -> {
            Node canvas = view.node().getCanvas();
            Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
            return new Point2D(b.getMinX() + b.getWidth() * 0.4, b.getMinY() + b.getHeight() * fraction);
        });
    }

    /** The price part of the crosshair's label ("time, price"), or null when it is not shown. */
    private String crosshairPrice() {
        return fx(() -> {
            Node n = view.node().lookup("#crosshairIndicator-Label");
            if (!(n instanceof Text t) || !t.isVisible() || t.getText() == null || !t.getText().contains(", ")) {
                return null;
            }
            return t.getText().substring(t.getText().lastIndexOf(", ") + 2).trim();
        });
    }
}
