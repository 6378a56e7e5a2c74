package org.concord.app.live;

import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.plugins.MouseEventsHelper;
import io.fair_acc.chartfx.plugins.Zoomer;
import javafx.scene.input.MouseEvent;

/**
 * The live chart's mouse gestures in time, as trading charts have them: a left drag pans, Shift + left drag zooms to
 * the span dragged over, the wheel zooms. ChartFX's zoomer pans with the middle button only and box-zooms on a left
 * drag, so a person on a touchpad (no middle button) could not pan at all, and every reflexive drag to look back
 * zoomed instead. The middle button still pans. A right click is the chart's order menu ({@code OrderLinesPlugin}
 * takes it before the zoomer), and a press on an order line drags the line (same).
 */
final class TimePanZoomer extends Zoomer {
    TimePanZoomer() {
        super(AxisMode.X);
        setPannerEnabled(true);
        setSliderVisible(false);
        setPanMouseFilter(e -> (MouseEventsHelper.isOnlyPrimaryButtonDown(e) || MouseEventsHelper.isOnlyMiddleButtonDown(e))
                && MouseEventsHelper.modifierKeysUp(e) && isMouseEventWithinCanvas(e));
        setZoomInMouseFilter(e -> MouseEventsHelper.isOnlyPrimaryButtonDown(e) && onlyShiftDown(e) && isMouseEventWithinCanvas(e));
    }

    private static boolean onlyShiftDown(MouseEvent e) {
        return e.isShiftDown() && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown() && !e.isShortcutDown();
    }
}
