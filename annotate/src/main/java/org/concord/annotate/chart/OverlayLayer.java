package org.concord.annotate.chart;

import io.fair_acc.chartfx.plugins.ChartPlugin;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.concord.annotate.FxCoalescer;
import org.concord.chart.OverlayMark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws overlay marks (pivots, extrema, model predictions) and the hover line of the pointer on another pane
 * onto one canvas above the candles. Marks arrive already computed per source; this only paints the visible
 * ones, decluttered the way a trading chart does it: a glyph sits beyond its candle (above the high for highs
 * and sell signals, below the low otherwise) so it never covers a candle; a label is written only when the
 * candles are far enough apart to read it, only where it overlaps no other label, and pushed clear of the
 * candles it would cover (the newest bars stay readable); HOLD predictions, which would dot every candle, are
 * shown only when zoomed in. FX thread only.
 */
public final class OverlayLayer extends ChartPlugin {
    /** Candle spacing (px) from which labels are written. */
    static final double LABEL_SPACING = 6;
    /** Candle spacing (px) from which HOLD predictions are drawn. */
    static final double HOLD_SPACING = 10;
    private static final double GAP = 3;
    private static final double GLYPH = 5;
    private static final Font FONT = Font.font(10);

    private final CandlePane pane;
    private final Canvas canvas = new Canvas();
    private final Map<String, List<OverlayMark>> marks = new LinkedHashMap<>();
    private final List<double[]> labelBoxes = new ArrayList<>();
    private final Text measure = new Text();
    private long hoverTime = Long.MIN_VALUE;
    private int drawnMarks;
    private final FxCoalescer redrawLater = new FxCoalescer(this::redraw);

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

    /** The boxes (canvas x0, y0, x1, y1) of the labels written by the last redraw. */
    public List<double[]> labelBoxes() {
        return labelBoxes.stream().map(double[]::clone).toList();
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
        labelBoxes.clear();
        if (!pane.hasView()) {
            return;
        }
        g.setFont(FONT);
        measure.setFont(FONT);
        double spacing = pane.timeframe().millis() / 1000.0 * w / Math.max(1e-9, pane.span());
        long from = (long) (pane.viewMin() * 1000);
        long to = (long) (pane.viewMax() * 1000);
        for (List<OverlayMark> list : marks.values()) {
            for (OverlayMark m : list) {
                if (m.time() >= from && m.time() <= to && (m.kind() != OverlayMark.Kind.HOLD || spacing >= HOLD_SPACING)) {
                    paint(g, m, spacing >= LABEL_SPACING);
                    drawnMarks++;
                }
            }
        }
        if (hoverTime != Long.MIN_VALUE) {
            double x = pane.canvasX(pane.timeframe().floor(hoverTime));
            if (x >= 0 && x <= w) {
                g.setStroke(pane.look().guide);
                g.setLineWidth(1);
                g.setLineDashes(4, 4);
                g.strokeLine(x, 0, x, h);
                g.setLineDashes();
            }
        }
    }

    private void paint(GraphicsContext g, OverlayMark m, boolean labels) {
        PaneLook look = pane.look();
        boolean above = m.above();
        double x = pane.canvasX(m.time());
        double edge = pane.canvasY(candleEdge(m.time(), above, m.price())); // the candle's high (above) or low (below)
        double tip = above ? edge - GAP : edge + GAP;
        double base = above ? tip - 2 * GLYPH : tip + 2 * GLYPH;
        Color c = switch (m.kind()) {
            case BUY -> look.up;
            case SELL -> look.down;
            case HOLD -> look.neutral;
            case SWING_HIGH, SWING_LOW -> look.swing;
            default -> look.extremum;
        };
        double alpha = Double.isNaN(m.confidence()) ? 1 : 0.45 + 0.55 * m.confidence();
        g.setFill(c.deriveColor(0, 1, 1, alpha));
        if (m.kind() == OverlayMark.Kind.HOLD) {
            g.fillOval(x - 1.5, tip, 3, 3);
            return;
        }
        if (m.kind() == OverlayMark.Kind.BUY || m.kind() == OverlayMark.Kind.SELL) {
            // an arrow pointing at the candle
            g.fillPolygon(new double[] {x, x - GLYPH, x + GLYPH}, new double[] {tip, mid(tip, base), mid(tip, base)}, 3);
            g.fillRect(x - 1.5, Math.min(mid(tip, base), base), 3, Math.abs(base - mid(tip, base)));
        } else {
            // a small triangle pointing at the swing or extremum
            g.fillPolygon(new double[] {x - GLYPH + 1, x + GLYPH - 1, x}, new double[] {base, base, tip}, 3);
        }
        if (labels && !m.label().isEmpty()) {
            label(g, m.label(), x, base, above);
        }
    }

    /** Writes {@code text} centred on {@code x}, beyond {@code fromY} and clear of candles and labels; skipped when it cannot be. */
    private void label(GraphicsContext g, String text, double x, double fromY, boolean above) {
        measure.setText(text);
        double tw = Math.ceil(measure.getLayoutBounds().getWidth()) + 2;
        double th = Math.ceil(measure.getLayoutBounds().getHeight());
        double x0 = x - tw / 2;
        double clear = clearOfCandles(x0, x0 + tw, above);
        double y0 = above ? Math.min(fromY - 1, clear - GAP) - th : Math.max(fromY + 1, clear + GAP);
        if (y0 < 0 || y0 + th > pane.canvasHeight()) {
            return;
        }
        for (double[] b : labelBoxes) {
            if (x0 < b[2] && x0 + tw > b[0] && y0 < b[3] && y0 + th > b[1]) {
                return;
            }
        }
        labelBoxes.add(new double[] {x0, y0, x0 + tw, y0 + th});
        g.fillText(text, x0 + 1, y0 - measure.getLayoutBounds().getMinY());
    }

    /** The canvas y beyond every candle between x0 and x1: above their highest high or below their lowest low. */
    private double clearOfCandles(double x0, double x1, boolean above) {
        PaneBars b = pane.bars();
        long candle = pane.timeframe().millis(); // a candle's body reaches about half a slot either side of its time
        int i = Math.max(0, b.indexAtOrBefore(pane.timeAt(x0) - candle));
        long end = pane.timeAt(x1) + candle;
        double y = above ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (; i < b.size() && b.series().time(i) <= end; i++) {
            y = above ? Math.min(y, pane.canvasY(b.series().high(i))) : Math.max(y, pane.canvasY(b.series().low(i)));
        }
        return Double.isInfinite(y) ? (above ? pane.canvasHeight() : 0) : y;
    }

    /** The high (above) or low (below) of the loaded candle opening at {@code time}; the mark's own price when it is not loaded. */
    private double candleEdge(long time, boolean above, double price) {
        PaneBars b = pane.bars();
        int i = b.indexAtOrBefore(time);
        if (i < 0 || b.series().time(i) != time) {
            return price;
        }
        return above ? b.series().high(i) : b.series().low(i);
    }

    private static double mid(double a, double b) {
        return (a + b) / 2;
    }
}
