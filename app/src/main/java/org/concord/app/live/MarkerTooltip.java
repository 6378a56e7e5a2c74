package org.concord.app.live;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.dataset.DataSet;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The chart's hover label, for markers only (a decision, an extremum, a live signal, a fill of the person or the bot): what
 * the marker was, then its bar's time. Not the marker's price: a decision's marker sits beside its candle, off any
 * price that meant something. ChartFX's tooltip also offers the candles' own points, which say nothing: a pointer
 * resting on a candle's close read "'candles [60]'". A candle's time and price are the crosshair's to show.
 *
 * <p>ChartFX takes the label away only at a mouse move over the chart away from every marker. {@link #hide} takes it
 * away when what it names is gone (a symbol or timeframe switch: a 1m decision's label stayed over the 15m chart) or
 * the pointer left the window; the next label shown makes it visible again.
 */
final class MarkerTooltip extends DataPointTooltip {
    @Override
    protected Stream<DataPoint> getPointsCloseToCursor(DataSet dataset, Renderer renderer, Point2D mouseLocation) {
        return dataset instanceof MarkerDataSet ? super.getPointsCloseToCursor(dataset, renderer, mouseLocation) : Stream.empty();
    }

    /**
     * The nearest marker; of marks equally near, the one drawn on top (the later renderer). ChartFX names the first: a
     * bot's fill on the candle and price of one of the person's (both filled at that bar's close) read "bot BUY …"
     * under the person's own dot, drawn over the bot's cross.
     */
    @Override
    protected Optional<DataPoint> findNearestDataPointWithinPickingDistance(Point2D mouse) {
        if (!(getChart() instanceof XYChart xy)) {
            return Optional.empty();
        }
        return xy.getRenderers().stream()
                .flatMap(r -> Stream.of(r.getDatasets(), xy.getDatasets()).flatMap(List::stream).flatMap(d -> getPointsCloseToCursor(d, r, mouse)))
                .reduce((a, b) -> b.distanceFromMouse <= a.distanceFromMouse ? b : a);
    }

    @Override
    protected void updateLabel(MouseEvent event, Bounds plot, DataPoint p) {
        super.updateLabel(event, plot, p);
        label().ifPresent(l -> l.setVisible(true));
    }

    /**
     * Hides the label until the pointer rests on a marker again (FX thread). Hidden, not removed: ChartFX adds and
     * removes it in its own handler, which looks only at whether the chart holds it.
     */
    void hide() {
        label().ifPresent(l -> l.setVisible(false));
    }

    /** The label while the chart holds it (after the first marker shown). */
    private Optional<Node> label() {
        return getChartChildren().stream().filter(n -> n.getStyleClass().contains(STYLE_CLASS_LABEL)).findFirst();
    }

    @Override
    protected String formatLabel(DataPoint p) {
        return p.label + "\nbar " + getXValueFormatter().toString(p.x);
    }
}
