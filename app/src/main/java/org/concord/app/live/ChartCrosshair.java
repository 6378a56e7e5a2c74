package org.concord.app.live;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import io.fair_acc.dataset.spi.utils.Tuple;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * ChartFX's crosshair, which can also be hidden, and whose label always names the time and price under it.
 *
 * <p>Its label is written at a mouse event and would stay until the next one. After a symbol or timeframe switch
 * under a still mouse it kept naming the old series' time and price over the new one: {@link #hide} hides line and
 * label (hidden, not removed: the chart's children are bound to its plot and a removal from outside ChartFX's own
 * handler broke that binding); the next mouse event over the chart shows them again, written for the new series.
 *
 * <p>When the replay refits the axes under a still mouse (new bars, order lines kept in view), the price under the
 * crosshair changes: the label is written again then, through {@link PlotPrice}, the conversion the chart's
 * right-click menu uses. Before, it kept the price of the last mouse move, and a
 * right click there offered another (seen: menu 876.77 under a crosshair reading 878.73).
 */
final class ChartCrosshair extends CrosshairIndicator {
    private final Axis xAxis;
    private final Axis yAxis;
    private double sceneX = Double.NaN;
    private double sceneY = Double.NaN;
    /** The price a right-click menu offers while it is open (NaN when none is). */
    private double held = Double.NaN;
    /** Whether the pointer left the window since the last mouse event. */
    private boolean outside;
    private final List<Runnable> alsoHidden = new ArrayList<>();
    /**
     * Whether the chart's window has the focus. A modal dialog (the shortcuts list, a confirmation) blocks every event
     * to the window under it, the pointer's exit too: the crosshair stayed drawn under the dialog, and after it closed
     * beside a pointer over the blotter (seen on the desk). A window losing the focus counts as the pointer leaving it.
     */
    private final ObservableValue<Boolean> windowFocused = chartProperty().flatMap(Node::sceneProperty).flatMap(Scene::windowProperty)
            .flatMap(Window::focusedProperty);

    ChartCrosshair(Axis xAxis, Axis yAxis) {
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        windowFocused.addListener((o, was, now) -> {
            if (Boolean.FALSE.equals(now)) {
                leftWindow();
            }
        });
        // after ChartFX's own handler (registered first): the same label, written by the shared conversion
        registerInputEventHandler(MouseEvent.ANY, e -> {
            if (e.getEventType() == MouseEvent.MOUSE_EXITED && e.getTarget() instanceof Scene) {
                leftWindow();
            }
            if (crossing(e)) {
                // the pointer did not move: a node it left (one each after the window's own exit), or one that came
                // under the still pointer at a pulse (the crosshair's own line): none shows the crosshair again
                return;
            }
            outside = false;
            crosshairPath.setVisible(true);
            coordinatesLabel.setVisible(true);
            sceneX = e.getSceneX();
            sceneY = e.getSceneY();
            relabel();
        });
    }

    /** An event of the pointer entering or leaving a node or the window, not of a move. */
    private static boolean crossing(MouseEvent e) {
        var t = e.getEventType();
        return t == MouseEvent.MOUSE_ENTERED || t == MouseEvent.MOUSE_ENTERED_TARGET || t == MouseEvent.MOUSE_EXITED
                || t == MouseEvent.MOUSE_EXITED_TARGET;
    }

    /** After each layout of the chart: the axes may have been refitted under a still mouse (their new scale is set by now). */
    @Override
    public void runPostLayout() {
        super.runPostLayout();
        relabel();
    }

    /**
     * While a menu offers an order at {@code price}, the label names that price: the replay keeps refitting the axis
     * under the open menu, and a label that followed it named another price beside the menu's (seen on the desk:
     * menu 897.75, crosshair 897.43). {@link #release} lets it follow the mouse again.
     */
    void hold(double price) {
        held = price;
        relabel();
    }

    void release() {
        held = Double.NaN;
        if (outside) {
            hide(); // the menu closed with the pointer off the window: nothing points at the plot any more
        }
        relabel();
    }

    /**
     * The pointer left the window, or the window lost the focus. ChartFX hides the crosshair only at an event outside
     * the plot; a pointer that leaves the window for another one lying over the plot (a menu, another application's
     * window) leaves at a point inside it, and the window then gets no event until the pointer comes back. While a
     * menu holds the crosshair, it stays.
     */
    private void leftWindow() {
        outside = true;
        if (!Double.isFinite(held)) {
            hide();
        }
    }

    /**
     * Also hides {@code other} whenever the crosshair hides: the marker's hover label, which names a marker of the
     * series being replaced or stays beside a pointer that left the window just the same.
     */
    void alsoHides(Runnable other) {
        alsoHidden.add(other);
    }

    /** Hides the crosshair and its label until the next mouse event over the chart (FX thread). */
    void hide() {
        crosshairPath.setVisible(false);
        coordinatesLabel.setVisible(false);
        alsoHidden.forEach(Runnable::run);
    }

    /** Writes the label for the last mouse position on the axes as they are now (only while it is shown). */
    private void relabel() {
        if (getChart() == null || !coordinatesLabel.isVisible() || !getChartChildren().contains(coordinatesLabel)
                || !Double.isFinite(sceneX)) {
            return;
        }
        Point2D p = getChart().getCanvas().sceneToLocal(sceneX, sceneY);
        double time = xAxis.getValueForDisplay(p.getX());
        double price = Double.isFinite(held) ? held : PlotPrice.at(getChart(), yAxis, sceneX, sceneY);
        String text = formatData(getChart(), new Tuple<>(time, price));
        if (!text.equals(coordinatesLabel.getText())) { // a still axis asks for no new layout
            coordinatesLabel.setText(text);
            coordinatesLabel.resize(coordinatesLabel.prefWidth(-1), coordinatesLabel.prefHeight(-1));
        }
        keepInsidePlot();
    }

    /**
     * Moves the label back inside the plot's width. ChartFX writes it right of the mouse, or left of it when it would
     * pass the right edge; on a chart narrower than about twice the label, the left side passed the left edge and
     * the label read "3-11-27 04:14:10, 885.86" on the desk. Its start is kept when it cannot fit whole.
     */
    private void keepInsidePlot() {
        Bounds plot = getChart().getPlotArea().getBoundsInLocal();
        Bounds label = coordinatesLabel.getBoundsInParent();
        double dx = 0;
        if (label.getMaxX() > plot.getMaxX()) {
            dx = plot.getMaxX() - label.getMaxX();
        }
        if (label.getMinX() + dx < plot.getMinX()) {
            dx = plot.getMinX() - label.getMinX();
        }
        if (dx != 0) {
            coordinatesLabel.setLayoutX(coordinatesLabel.getLayoutX() + dx);
        }
    }
}
