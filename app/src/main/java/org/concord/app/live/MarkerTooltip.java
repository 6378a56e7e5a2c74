package org.concord.app.live;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.AbstractDataFormattingPlugin;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.dataset.DataSet;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;

/**
 * The chart's hover label, for markers only (a decision, an extremum, a live signal, a fill of the person or the bot): what
 * the marker was, then its bar's time. Not the marker's price: a decision's marker sits beside its candle, off any
 * price that meant something. Candles get none: a candle's time and price are the crosshair's to show (ChartFX's data
 * point tooltip read "'candles [60]'" on a candle's close).
 *
 * <p>Its own plugin rather than ChartFX's data point tooltip, for three things that one got wrong on the desk:
 * <ul>
 *   <li>where the label goes: centred above the marker, inside the plot. ChartFX put a label too wide for either side
 *   at the plot's left edge, a long way from the marker, and under the pointer over the crosshair's own label;</li>
 *   <li>which marker it names: the nearest; of marks equally near, the one drawn on top (the later renderer). ChartFX
 *   named the first: the bot's cross under the person's own dot read "bot BUY …";</li>
 *   <li>when it goes: at a move away from every marker, and at {@link #hide}, when what it names is gone (a symbol or
 *   timeframe switch: a 1m decision's label stayed over the 15m chart) or the pointer left the window.</li>
 * </ul>
 * It keeps ChartFX's style class, so the theme's rule for hover labels applies.
 */
final class MarkerTooltip extends AbstractDataFormattingPlugin {
    /** How near (pixels) the pointer comes to a marker's centre to name it: ChartFX's picking distance. */
    static final double PICKING_DISTANCE = DataPointTooltip.DEFAULT_PICKING_DISTANCE;
    /** Between the marker and the label's lower edge, so that the pointer's tip and the marker stay in sight. */
    static final double GAP = 8;
    /** Below the pointer, when there is no room above: clear of the crosshair's label, which sits just below it. */
    private static final double BELOW = 26;

    private final Label label = new Label();

    MarkerTooltip() {
        label.getStyleClass().add(DataPointTooltip.STYLE_CLASS_LABEL);
        label.setManaged(false);
        label.setMouseTransparent(true);
        label.setVisible(false);
        // added once and hidden between uses: the chart's children follow the plugin's, bound by ChartFX
        getChartChildren().add(label);
        registerInputEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
    }

    private void moved(MouseEvent e) {
        Bounds plot = getChart().getPlotArea().getBoundsInLocal();
        Hit hit = plot.contains(e.getX(), e.getY()) ? nearest(getLocationInPlotArea(e)) : null;
        if (hit == null) {
            hide();
            return;
        }
        show(hit.set.getDataLabel(hit.index) + "\nbar " + getXValueFormatter().toString(hit.set.get(DataSet.DIM_X, hit.index)),
                e.getX(), e.getY(), plot);
    }

    /** Hides the label until the pointer rests on a marker again (FX thread). */
    void hide() {
        label.setVisible(false);
    }

    private void show(String text, double x, double y, Bounds plot) {
        label.setText(text);
        label.setVisible(true);
        label.applyCss();
        double w = Math.min(label.prefWidth(-1), plot.getWidth());
        double h = label.prefHeight(w);
        double left = Math.max(plot.getMinX(), Math.min(x - w / 2, plot.getMaxX() - w));
        double top = y - GAP - h >= plot.getMinY() ? y - GAP - h : Math.min(y + BELOW, plot.getMaxY() - h);
        label.resizeRelocate(left, top, w, h);
        // over the other plugins' nodes, the level labels and order lines added after this plugin (their text was
        // drawn over the label's: seen on the desk)
        if (label.getParent() != null) {
            label.getParent().toFront();
        }
    }

    /** The marker nearest {@code at} (plot coordinates) within the picking distance; of equals, the one drawn last. */
    private Hit nearest(Point2D at) {
        Hit best = null;
        for (Renderer r : getChart().getRenderers()) {
            Axis xAxis = r.getAxes().stream().filter(a -> a.getSide().isHorizontal()).findFirst().orElse(null);
            Axis yAxis = r.getAxes().stream().filter(a -> a.getSide().isVertical()).findFirst().orElse(null);
            if (xAxis == null || yAxis == null) {
                continue;
            }
            for (DataSet d : r.getDatasets()) {
                if (d instanceof MarkerDataSet m) {
                    best = nearestIn(m, xAxis, yAxis, at, best);
                }
            }
        }
        return best;
    }

    private static Hit nearestIn(MarkerDataSet m, Axis xAxis, Axis yAxis, Point2D at, Hit best) {
        int n = m.getDataCount();
        if (n == 0) {
            return best;
        }
        // the markers' x only grows: look only between the times of the picking distance either side
        int from = Math.max(0, m.getIndex(DataSet.DIM_X, xAxis.getValueForDisplay(at.getX() - PICKING_DISTANCE)) - 1);
        int to = Math.min(n, m.getIndex(DataSet.DIM_X, xAxis.getValueForDisplay(at.getX() + PICKING_DISTANCE)) + 2);
        for (int i = from; i < to; i++) {
            double dx = xAxis.getDisplayPosition(m.get(DataSet.DIM_X, i)) - at.getX();
            double dy = yAxis.getDisplayPosition(m.get(DataSet.DIM_Y, i)) - at.getY();
            double dist = Math.hypot(dx, dy);
            if (dist <= PICKING_DISTANCE && (best == null || dist <= best.distance)) {
                best = new Hit(m, i, dist);
            }
        }
        return best;
    }

    private record Hit(MarkerDataSet set, int index, double distance) {
    }
}
