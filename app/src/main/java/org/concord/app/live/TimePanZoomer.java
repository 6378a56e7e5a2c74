package org.concord.app.live;

import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.plugins.MouseEventsHelper;
import io.fair_acc.chartfx.plugins.Zoomer;
import javafx.scene.input.MouseEvent;

/**
 * The live chart's mouse gestures in time, as trading charts have them: a left drag pans, Shift + left drag zooms to
 * the span dragged over, the wheel zooms. ChartFX's zoomer pans with the middle button only and box-zooms on a left
 * drag, so a person on a touchpad (no middle button) could not pan at all, and every reflexive drag to look back
 * zoomed instead. The middle button still pans. A press on an order line drags the line ({@code OrderLinesPlugin}
 * takes it before the zoomer). A right click is the chart's order menu: the zoomer's own right click (back to the
 * previous zoom, with Ctrl to the origin) is off. It acted on the click that opened the menu, and put a chart that had
 * been panned or followed since back on a window zoomed long before (seen on the desk: the 1h chart jumped to five
 * candles of another afternoon under the menu). The wheel zooms out and F follows the newest bars.
 */
final class TimePanZoomer extends Zoomer {
    TimePanZoomer() {
        super(AxisMode.X);
        setPannerEnabled(true);
        setSliderVisible(false);
        setPanMouseFilter(e -> (MouseEventsHelper.isOnlyPrimaryButtonDown(e) || MouseEventsHelper.isOnlyMiddleButtonDown(e))
                && MouseEventsHelper.modifierKeysUp(e) && isMouseEventWithinCanvas(e));
        setZoomInMouseFilter(e -> MouseEventsHelper.isOnlyPrimaryButtonDown(e) && onlyShiftDown(e) && isMouseEventWithinCanvas(e));
        setZoomOutMouseFilter(e -> false); // null would mean "any click"
        setZoomOriginMouseFilter(e -> false);
    }

    private static boolean onlyShiftDown(MouseEvent e) {
        return e.isShiftDown() && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown() && !e.isShortcutDown();
    }
}
