package org.concord.app.live;

import io.fair_acc.chartfx.plugins.ChartPlugin;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import org.concord.app.DeskHarness;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.concord.app.DeskHarness.fx;

/**
 * What the hover label draws, not only what it was told. Seen on the real display: after the first marker's label,
 * the next marker's label was drawn with the first one's text (or, at another width, an empty box), and a label
 * outlived a timeframe switch, naming a decision of the 1m chart over the 15m one.
 */
class MarkerLabelRenderTest {
    private final FxRobot robot = new FxRobot();
    private LiveChartView view;
    private BarSeries m1;

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void show() throws Exception {
        view = ChartOnStage.show(700, 500);
        m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 120);
        LiveDelta.Marker buy = new LiveDelta.Marker(m1.time(40), m1.close(40), true, 0.62, "BUY 0.62 (fusion)");
        LiveDelta.Marker sell = new LiveDelta.Marker(m1.time(90), m1.close(90), false, 0.71, "SELL 0.71 (a much longer reason, rule and model)");
        robot.interact(() -> view.apply(new LiveDelta(Symbol.of("BTCUSD"), Timeframe.M1, m1, new long[0], new double[0], List.of(buy, sell), true, null)));
        DeskHarness.pulses(3);
    }

    private Point2D marker(String set) {
        return fx(() -> {
            MarkerDataSet d = (MarkerDataSet) view.node().getRenderers().stream().flatMap(r -> r.getDatasets().stream())
                    .filter(s -> s.getName().equals(set)).findFirst().orElseThrow();
            return view.node().getCanvas().localToScreen(view.timeAxis().getDisplayPosition(d.get(0, 0)),
                    view.priceAxis().getDisplayPosition(d.get(1, 0)));
        });
    }

    private void restOn(Point2D at) {
        robot.moveTo(new Point2D(at.getX() - 30, at.getY() - 30));
        robot.moveTo(at);
    }

    @Test
    void eachMarkersLabelDrawsItsOwnText() throws Exception {
        show();
        restOn(marker("BUY"));
        String buy = "BUY 0.62 (fusion)\nbar 2013-11-25 00:40:00";
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> ChartOnStage.drawnTooltip(view).filter(buy::equals).isPresent());

        restOn(marker("SELL"));
        String sell = "SELL 0.71 (a much longer reason, rule and model)\nbar 2013-11-25 01:30:00";
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> ChartOnStage.tooltip(view).filter(sell::equals).isPresent());
        DeskHarness.pulses(3);
        assertThat(ChartOnStage.drawnTooltip(view)).as("the text the label draws").contains(sell);

        restOn(marker("BUY"));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> ChartOnStage.tooltip(view).filter(buy::equals).isPresent());
        DeskHarness.pulses(3);
        assertThat(ChartOnStage.drawnTooltip(view)).as("the text the label draws").contains(buy);
    }

    /**
     * The label sits centred above the marker it names, inside the plot (the SELL near the right edge: against it). ChartFX's put a label too wide for either
     * side of the pointer at the plot's left edge, far from the marker, under the pointer and over the crosshair's label.
     */
    @Test
    void theLabelSitsCentredAboveItsMarkerInsideThePlot() throws Exception {
        show();
        for (String set : List.of("BUY", "SELL")) {
            Point2D at = marker(set);
            restOn(at);
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> ChartOnStage.tooltip(view).filter(t -> t.startsWith(set)).isPresent());
            Bounds label = fx(() -> tooltipLabel().localToScreen(tooltipLabel().getBoundsInLocal()));
            Bounds plot = fx(() -> view.node().getPlotArea().localToScreen(view.node().getPlotArea().getBoundsInLocal()));
            assertThat(label.getMaxY()).as(set + " label's lower edge above its marker").isLessThanOrEqualTo(at.getY() - MarkerTooltip.GAP + 1);
            // centred on it, unless that would pass an edge of the plot: then against that edge
            double centre = Math.max(plot.getMinX() + label.getWidth() / 2, Math.min(at.getX(), plot.getMaxX() - label.getWidth() / 2));
            assertThat(label.getCenterX()).as(set + " label centred on its marker").isCloseTo(centre, within(1.0));
            assertThat(label.getMinX()).isGreaterThanOrEqualTo(plot.getMinX() - 0.5);
            assertThat(label.getMaxX()).isLessThanOrEqualTo(plot.getMaxX() + 0.5);
            assertThat(label.getMinY()).isGreaterThanOrEqualTo(plot.getMinY() - 0.5);
        }
    }

    /** A plugin added after the label's (the level labels and order lines are) draws under it, not over it. */
    @Test
    void theLabelIsDrawnOverPluginsAddedAfterIt() throws Exception {
        show();
        Label later = new Label("swing high");
        robot.interact(() -> view.node().getPlugins().add(new ChartPlugin() {
            {
                getChartChildren().add(later);
            }
        }));
        DeskHarness.pulses(2);
        restOn(marker("BUY"));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> ChartOnStage.tooltip(view).isPresent());
        assertThat(fx(() -> {
            List<Node> groups = tooltipLabel().getParent().getParent().getChildrenUnmodifiable();
            return groups.indexOf(tooltipLabel().getParent()) > groups.indexOf(later.getParent());
        })).as("the hover label's layer above the later plugin's").isTrue();
    }

    private Label tooltipLabel() {
        return (Label) view.node().lookupAll("." + DataPointTooltip.STYLE_CLASS_LABEL).iterator().next();
    }

    /** The 15m series replacing the 1m one under a pointer resting on a 1m marker, with a marker of its own. */
    private void switchTo15m() {
        BarSeries m15 = RealBars.bitstamp(Timeframe.M15).copyRange(0, 120);
        LiveDelta.Marker sell = new LiveDelta.Marker(m15.time(70), m15.close(70), false, 0.55, "SELL 0.55 (15m)");
        robot.interact(() -> view.apply(new LiveDelta(Symbol.of("BTCUSD"), Timeframe.M15, m15, new long[0], new double[0], List.of(sell), true, null)));
    }

    @Test
    void aNewSeriesTakesTheLabelAway() throws Exception {
        show();
        restOn(marker("BUY"));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> ChartOnStage.tooltip(view).isPresent());
        switchTo15m();
        DeskHarness.pulses(3);
        assertThat(ChartOnStage.tooltip(view)).as("a 1m decision's label over the 15m chart").isEmpty();
    }

    /**
     * The switch re-centres the chart's title inside ChartFX's nested layout, which left the title pane waiting for a
     * layout that never came ({@link ChartLayoutRelay}); every label under it kept drawing its old text.
     */
    @Test
    void afterATimeframeSwitchTheLabelDrawsTheNewMarkersText() throws Exception {
        show();
        restOn(marker("BUY"));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> ChartOnStage.drawnTooltip(view).isPresent());
        switchTo15m();
        DeskHarness.pulses(3);
        assertThat(fx(() -> waiting(view.node()))).as("nodes of the chart still waiting for a layout").isZero();

        restOn(marker("SELL"));
        String label = "SELL 0.55 (15m)\nbar 2013-11-25 17:30:00";
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> ChartOnStage.tooltip(view).filter(label::equals).isPresent());
        DeskHarness.pulses(3);
        assertThat(ChartOnStage.drawnTooltip(view)).as("the text the label draws").contains(label);
    }

    private static int waiting(Parent p) {
        int n = p.isNeedsLayout() ? 1 : 0;
        for (Node c : p.getChildrenUnmodifiable()) {
            if (c instanceof Parent q) {
                n += waiting(q);
            }
        }
        return n;
    }
}
