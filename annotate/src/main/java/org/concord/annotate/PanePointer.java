package org.concord.annotate;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import org.concord.annotate.chart.CandlePane;
import org.concord.annotate.tool.AnnotateTool;
import org.concord.annotate.view.CursorSync;
import org.concord.annotate.view.PaneInput;

import java.util.List;

/**
 * Where the person points on the panes, and what that moves: a click sets the active pane and the cursor (and, in
 * annotate mode, a mark); the pointer's hover draws the other panes' hover lines; a key that marks (E, X) aims at the
 * candle under the pointer when the pointer moved last, else at the cursor candle (the arrow keys' flow). FX thread.
 */
final class PanePointer implements PaneInput.Handler {
    private final List<CandlePane> panes;
    private final CursorSync sync;
    private final AnnotateTool tool;
    private CandlePane hoverPane;
    private Point2D hoverPoint;
    // the pointer moved over a pane after the cursor last moved: E and X aim at the pointer, not the cursor
    private boolean movedLast;

    PanePointer(List<CandlePane> panes, CursorSync sync, AnnotateTool tool) {
        this.panes = panes;
        this.sync = sync;
        this.tool = tool;
        sync.cursorProperty().addListener((o, was, now) -> movedLast = false);
    }

    @Override
    public void click(CandlePane p, Point2D canvas, MouseEvent e) {
        int i = p.bars().nearestIndex(p.timeAt(canvas.getX()));
        if (i < 0) {
            return;
        }
        sync.setActive(p);
        sync.setCursor(p.bars().series().time(i), p);
        if (tool.on()) {
            tool.mark(p, i, p.priceAt(canvas.getY()));
        }
    }

    @Override
    public void hover(CandlePane p, Point2D canvas) {
        hoverPane = canvas == null ? null : p;
        hoverPoint = canvas;
        movedLast = canvas != null;
        sync.hover(canvas == null ? Long.MIN_VALUE : p.timeAt(canvas.getX()), p);
        for (CandlePane q : panes) {
            q.annotationLayer().setPointer(q == p ? canvas : null);
        }
    }

    /** The pointer's price on the active pane, or NaN when the pointer is elsewhere. */
    double price() {
        CandlePane p = sync.active();
        return p != null && p == hoverPane && hoverPoint != null ? p.priceAt(hoverPoint.getY()) : Double.NaN;
    }

    /**
     * Before a key marks: when the pointer moved over a pane since the cursor last moved, that pane becomes the active
     * one and the cursor goes to the candle under the pointer; otherwise the cursor candle is kept.
     */
    void aim() {
        CandlePane p = hoverPane;
        if (p == null || hoverPoint == null || !movedLast) {
            return;
        }
        int i = p.bars().nearestIndex(p.timeAt(hoverPoint.getX()));
        if (i >= 0) {
            sync.setActive(p);
            sync.setCursor(p.bars().series().time(i), p);
            movedLast = true; // still where the pointer is: a second key at the same place aims there too
        }
    }

    /** The cursor candle's index on the active pane, or -1. */
    int cursorIndex() {
        CandlePane p = sync.active();
        return p == null || sync.cursor() == Long.MIN_VALUE ? -1 : p.bars().nearestIndex(sync.cursor());
    }
}
