package org.concord.app.live;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;

/** A renderer of chart marks: a marker at each point, no line between them, no error bars, every point drawn. */
public final class MarkerRenderer {
    private MarkerRenderer() {
    }

    /**
     * On the chart's time and price axes: the hover label ({@link MarkerTooltip}) reads a renderer's own axes and passes
     * over one without, so its marks would get no label.
     */
    public static ErrorDataSetRenderer on(Axis time, Axis price) {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.getAxes().setAll(time, price);
        r.setPolyLineStyle(LineStyle.NONE);
        r.setDrawMarker(true);
        r.setErrorStyle(ErrorStyle.NONE);
        r.setPointReduction(false);
        return r;
    }
}
