package org.concord.app.live;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.dataset.DataSet;
import javafx.geometry.Point2D;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The chart's hover label, for markers only (a decision, an extremum, a live signal, a fill of the person or the bot): what
 * the marker was, then its bar's time. Not the marker's price: a decision's marker sits beside its candle, off any
 * price that meant something. ChartFX's tooltip also offers the candles' own points, which say nothing: a pointer
 * resting on a candle's close read "'candles [60]'". A candle's time and price are the crosshair's to show.
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
    protected String formatLabel(DataPoint p) {
        return p.label + "\nbar " + getXValueFormatter().toString(p.x);
    }
}
