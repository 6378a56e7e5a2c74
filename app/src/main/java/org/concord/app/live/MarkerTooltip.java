package org.concord.app.live;

import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.dataset.DataSet;
import javafx.geometry.Point2D;

import java.util.stream.Stream;

/**
 * The chart's hover label, for markers only (a decision, an extremum, a live signal, one of the person's fills): what
 * the marker was, then its bar's time. Not the marker's price: a decision's marker sits beside its candle, off any
 * price that meant something. ChartFX's tooltip also offers the candles' own points, which say nothing: a pointer
 * resting on a candle's close read "'candles [60]'". A candle's time and price are the crosshair's to show.
 */
final class MarkerTooltip extends DataPointTooltip {
    @Override
    protected Stream<DataPoint> getPointsCloseToCursor(DataSet dataset, Renderer renderer, Point2D mouseLocation) {
        return dataset instanceof MarkerDataSet ? super.getPointsCloseToCursor(dataset, renderer, mouseLocation) : Stream.empty();
    }

    @Override
    protected String formatLabel(DataPoint p) {
        return p.label + "\nbar " + getXValueFormatter().toString(p.x);
    }
}
