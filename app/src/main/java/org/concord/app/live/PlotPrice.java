package org.concord.app.live;

import io.fair_acc.chartfx.Chart;
import io.fair_acc.chartfx.axes.Axis;

/**
 * The one pixel → price conversion of the live chart: a scene point in the plot canvas's pixels, through the price
 * axis (the candles are drawn in those pixels). The crosshair's label and the right-click menu's order price both
 * come from it, so at one point they name one price.
 */
public final class PlotPrice {
    private PlotPrice() {
    }

    public static double at(Chart chart, Axis priceAxis, double sceneX, double sceneY) {
        return priceAxis.getValueForDisplay(chart.getCanvas().sceneToLocal(sceneX, sceneY).getY());
    }
}
