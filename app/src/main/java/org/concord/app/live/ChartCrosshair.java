package org.concord.app.live;

import io.fair_acc.chartfx.plugins.CrosshairIndicator;

/**
 * ChartFX's crosshair, which can also be taken off the chart. Its label is written at a mouse event and stays until
 * the next one: after a symbol or timeframe switch under a still mouse it would keep naming the old series' time and
 * price over the new one. {@link #hide} removes line and label; the next mouse move over the plot draws them again.
 */
final class ChartCrosshair extends CrosshairIndicator {
    /** Takes the crosshair and its label off the chart (FX thread). */
    void hide() {
        getChartChildren().removeAll(crosshairPath, coordinatesLabel);
    }

}
