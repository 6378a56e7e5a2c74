package org.concord.annotate.view;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.concord.annotate.chart.CandlePane;

/**
 * Mouse navigation on one pane: the wheel zooms around the pointer, a primary-button drag pans, a click (a
 * press and release that did not move) is handed on as a click on a candle, the pointer's moves as hovers.
 * A drag never becomes a click, so panning cannot create a mark.
 */
public final class PaneInput {
    /** Pixels the pointer may move between press and release and still count as a click. */
    public static final double CLICK_SLOP = 4;
    /** Zoom factor per wheel notch (40 px of scroll). */
    public static final double ZOOM_STEP = 1.2;

    /** What the workspace does with clicks and hovers. */
    public interface Handler {
        void click(CandlePane pane, Point2D canvas, MouseEvent e);

        /** {@code canvas} null: the pointer left the pane. */
        void hover(CandlePane pane, Point2D canvas);
    }

    private final CandlePane pane;
    private final Handler handler;
    private double pressX;
    private double pressY;
    private double pressMin;
    private double pressMax;
    private boolean pressed;
    private boolean dragging;

    public PaneInput(CandlePane pane, Handler handler) {
        this.pane = pane;
        this.handler = handler;
        Node area = pane.chart().getPlotArea();
        area.addEventHandler(ScrollEvent.SCROLL, this::scroll);
        area.addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        area.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        area.addEventHandler(MouseEvent.MOUSE_RELEASED, this::release);
        area.addEventHandler(MouseEvent.MOUSE_MOVED, e -> handler.hover(pane, pane.toCanvas(e.getSceneX(), e.getSceneY())));
        area.addEventHandler(MouseEvent.MOUSE_EXITED, e -> handler.hover(pane, null));
    }

    private void scroll(ScrollEvent e) {
        if (!pane.hasView() || e.getDeltaY() == 0) {
            return;
        }
        Point2D c = pane.toCanvas(e.getSceneX(), e.getSceneY());
        zoom(pane, pane.timeAt(c.getX()) / 1000.0, Math.pow(ZOOM_STEP, -e.getDeltaY() / 40.0));
        e.consume();
    }

    /** Scales the view of {@code p} by {@code factor} (&lt; 1 zooms in) around {@code atSeconds}. */
    public static void zoom(CandlePane p, double atSeconds, double factor) {
        double min = atSeconds - (atSeconds - p.viewMin()) * factor;
        double max = atSeconds + (p.viewMax() - atSeconds) * factor;
        p.setView(min, max);
    }

    private void press(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || e.isConsumed()) {
            return;
        }
        pressed = true;
        dragging = false;
        pressX = e.getSceneX();
        pressY = e.getSceneY();
        pressMin = pane.viewMin();
        pressMax = pane.viewMax();
    }

    private void drag(MouseEvent e) {
        if (!pressed || !pane.hasView()) {
            return;
        }
        double dx = e.getSceneX() - pressX;
        if (!dragging && Math.hypot(dx, e.getSceneY() - pressY) < CLICK_SLOP) {
            return;
        }
        dragging = true;
        double perPixel = (pressMax - pressMin) / Math.max(1, pane.canvasWidth());
        pane.setView(pressMin - dx * perPixel, pressMax - dx * perPixel);
        handler.hover(pane, pane.toCanvas(e.getSceneX(), e.getSceneY()));
    }

    private void release(MouseEvent e) {
        if (!pressed || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        pressed = false;
        if (!dragging && !e.isConsumed()) {
            handler.click(pane, pane.toCanvas(e.getSceneX(), e.getSceneY()), e);
        }
        dragging = false;
    }
}
