package org.concord.annotate.chart;

import io.fair_acc.chartfx.plugins.ChartPlugin;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.concord.chart.OverlayMark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws overlay marks (pivots, extrema, model predictions) and the hover line of the pointer on another pane
 * onto one canvas above the candles. Marks arrive already computed per source; this only paints the visible
 * ones. FX thread only.
 */
public final class OverlayLayer extends ChartPlugin {
    private static final Color BUY = Color.web("#138a36");
    private static final Color SELL = Color.web("#c62828");
    private static final Color SWING = Color.web("#6a1b9a");
    private static final Color EXTREMUM = Color.web("#ef6c00");

    private final CandlePane pane;
    private final Canvas canvas = new Canvas();
    private final Map<String, List<OverlayMark>> marks = new LinkedHashMap<>();
    private long hoverTime = Long.MIN_VALUE;
    private int drawnMarks;
    private final org.concord.annotate.FxCoalescer redrawLater = new org.concord.annotate.FxCoalescer(this::redraw);

    OverlayLayer(CandlePane pane) {
        this.pane = pane;
        canvas.setMouseTransparent(true);
        canvas.setManaged(false);
        getChartChildren().add(canvas);
    }

    /** Replaces one source's marks (an empty list removes them). */
    public void setMarks(String sourceId, List<OverlayMark> list) {
        if (list == null || list.isEmpty()) {
            marks.remove(sourceId);
        } else {
            marks.put(sourceId, List.copyOf(list));
        }
        redraw();
    }

    public List<OverlayMark> marks(String sourceId) {
        return marks.getOrDefault(sourceId, List.of());
    }

    /** The time the pointer is at on another pane (Long.MIN_VALUE: none). */
    public void setHoverTime(long timeMs) {
        if (timeMs != hoverTime) {
            hoverTime = timeMs;
            redrawLater.request(); // the pointer moves faster than pulses: repaint once per hand-over
        }
    }

    /** Marks painted by the last redraw (visible ones). */
    public int drawnMarks() {
        return drawnMarks;
    }

    @Override
    public void runPostLayout() {
        redraw();
    }

    public void redraw() {
        if (getChart() == null) {
            return;
        }
        double w = pane.canvasWidth();
        double h = pane.canvasHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        drawnMarks = 0;
        if (!pane.hasView()) {
            return;
        }
        g.setFont(Font.font(10));
        long from = (long) (pane.viewMin() * 1000);
        long to = (long) (pane.viewMax() * 1000);
        for (List<OverlayMark> list : marks.values()) {
            for (OverlayMark m : list) {
                if (m.time() >= from && m.time() <= to) {
                    paint(g, m);
                    drawnMarks++;
                }
            }
        }
        if (hoverTime != Long.MIN_VALUE) {
            double x = pane.canvasX(pane.timeframe().floor(hoverTime));
            if (x >= 0 && x <= w) {
                g.setStroke(Color.gray(0.35, 0.8));
                g.setLineWidth(1);
                g.setLineDashes(4, 4);
                g.strokeLine(x, 0, x, h);
                g.setLineDashes();
            }
        }
    }

    private void paint(GraphicsContext g, OverlayMark m) {
        double x = pane.canvasX(m.time());
        double y = pane.canvasY(m.price());
        switch (m.kind()) {
            case BUY, SELL -> {
                boolean up = m.kind() == OverlayMark.Kind.BUY;
                double alpha = Double.isNaN(m.confidence()) ? 1 : 0.35 + 0.65 * m.confidence();
                g.setFill((up ? BUY : SELL).deriveColor(0, 1, 1, alpha));
                double tip = up ? y + 10 : y - 10; // below the price for a buy, above for a sell
                double base = up ? tip + 12 : tip - 12;
                g.fillPolygon(new double[] {x, x - 6, x - 2, x - 2, x + 2, x + 2, x + 6},
                        new double[] {tip, mid(tip, base), mid(tip, base), base, base, mid(tip, base), mid(tip, base)}, 7);
                g.fillText(m.label(), x + 7, up ? base + 2 : base + 8);
            }
            case HOLD -> {
                g.setFill(Color.gray(0.5, 0.6));
                g.fillOval(x - 2, y - 2, 4, 4);
            }
            case SWING_HIGH, SWING_LOW, LOCAL_MAX, LOCAL_MIN -> {
                boolean above = m.above();
                g.setFill(m.kind() == OverlayMark.Kind.SWING_HIGH || m.kind() == OverlayMark.Kind.SWING_LOW ? SWING : EXTREMUM);
                double yy = above ? y - 4 : y + 4;
                double d = above ? -7 : 7;
                g.fillPolygon(new double[] {x - 4, x + 4, x}, new double[] {yy + d, yy + d, yy}, 3);
                if (!m.label().isEmpty()) {
                    g.fillText(m.label(), x - 6, above ? yy + d - 2 : yy + d + 9);
                }
            }
            default -> {
            }
        }
    }

    private static double mid(double a, double b) {
        return (a + b) / 2;
    }
}
