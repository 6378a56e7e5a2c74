package org.concord.annotate.chart;

import io.fair_acc.chartfx.plugins.ChartPlugin;
import javafx.event.Event;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.concord.annotate.FxCoalescer;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.annotation.AnnotationMath;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Draws the annotations on one pane (ChartFX plugin; scene nodes, so markers can be picked and dragged): entry
 * and exit markers joined by a line with the P&amp;L %, stop-loss/take-profit zones with the risk/reward like a
 * position tool, no-trade regions as a shaded band, and the pending entry of a mark in progress. It only draws
 * what it is given; edits go out through {@link #setOnMarkerDropped} and {@link #setOnSelect}.
 */
public final class AnnotationLayer extends ChartPlugin {
    /** A marker dropped somewhere: the pane, the annotation, which end, and the drop point in canvas coordinates. */
    public record MarkerDrop(CandlePane pane, Annotation annotation, boolean exit, double canvasX, double canvasY) {
    }

    /** An entry set but no exit yet. */
    public record Pending(long time, double price, boolean noTrade) {
    }

    private final CandlePane pane;
    private List<Annotation> annotations = List.of();
    private String selectedId;
    private Pending pending;
    private Point2D pointer;
    private boolean dragging;
    private Consumer<MarkerDrop> onDrop = d -> { };
    private Consumer<Annotation> onSelect = a -> { };
    private final FxCoalescer redrawLater = new FxCoalescer(this::redraw);

    AnnotationLayer(CandlePane pane) {
        this.pane = pane;
    }

    public void setOnMarkerDropped(Consumer<MarkerDrop> c) {
        onDrop = c;
    }

    public void setOnSelect(Consumer<Annotation> c) {
        onSelect = c;
    }

    public void setAnnotations(List<Annotation> list, String selected) {
        annotations = List.copyOf(list);
        selectedId = selected;
        pane.fitY(); // a mark above or below the candles widens the price range (it redraws on the next layout)
        redraw();
    }

    public void setPending(Pending p) {
        pending = p;
        redraw();
    }

    /**
     * [low, high] of the marks made on this pane's timeframe with a time in [fromMs, toMs], or null when none is. A
     * mark snaps to its candle's prices, but one typed in the editor or dragged may lie outside the candles. Marks of
     * other timeframes are left out: a 1h mark's price (its hour's close, say) drawn at the hour's opening second
     * squeezed the 1s pane's candles into a thin line.
     */
    double[] priceRange(long fromMs, long toMs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Annotation a : annotations) {
            if (a.timeframe() != pane.timeframe()) {
                continue;
            }
            for (int end = 0; end < 2; end++) {
                long t = end == 0 ? a.entryTime() : a.exitTime();
                double p = end == 0 ? a.entryPrice() : a.exitPrice();
                if (t >= fromMs && t <= toMs && Double.isFinite(p)) {
                    lo = Math.min(lo, p);
                    hi = Math.max(hi, p);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    /** Where the pointer is (canvas coordinates; null when outside), for the pending entry's rubber band. */
    public void setPointer(Point2D p) {
        pointer = p;
        if (pending != null) {
            redrawLater.request(); // pointer moves come faster than pulses: one rebuild per hand-over
        }
    }

    @Override
    public void runPostLayout() {
        redraw();
    }

    /** Rebuilds the nodes for the current view (a few per visible annotation). */
    public void redraw() {
        if (dragging || getChart() == null || !pane.hasView()) {
            return;
        }
        List<Node> nodes = new ArrayList<>();
        List<Text> labels = new ArrayList<>();
        long viewFrom = (long) (pane.viewMin() * 1000) - pane.timeframe().millis();
        long viewTo = (long) (pane.viewMax() * 1000);
        for (Annotation a : annotations) {
            if (a.exitTime() >= viewFrom && a.entryTime() <= viewTo) {
                draw(a, a.id().equals(selectedId), nodes, labels);
            }
        }
        placeLabels(labels);
        if (pending != null) {
            drawPending(nodes);
        }
        getChartChildren().setAll(nodes);
    }

    private void draw(Annotation a, boolean selected, List<Node> out, List<Text> labels) {
        PaneLook look = pane.look();
        double xe = pane.canvasX(a.entryTime());
        double xx = pane.canvasX(a.exitTime());
        double ye = pane.canvasY(a.entryPrice());
        double yx = pane.canvasY(a.exitPrice());
        String tf = pane.timeframe().code();
        if (a.direction() == AnnotationDirection.NO_TRADE) {
            Rectangle band = new Rectangle(Math.min(xe, xx), 0, Math.max(2, Math.abs(xx - xe)), pane.canvasHeight());
            band.setFill(look.neutral.deriveColor(0, 1, 1, selected ? 0.28 : 0.16));
            band.setStroke(selected ? look.neutral : null);
            band.getStyleClass().add("annotation-no-trade");
            band.setId("band-" + tf + "-" + a.id());
            band.setMouseTransparent(true); // a click inside a region still marks candles in annotate mode
            out.add(band);
            out.add(text("NO TRADE", Math.min(xe, xx) + 4, 14, look.neutral, "annotation-label"));
        } else {
            if (a.hasLevels()) {
                zones(a, xe, xx, ye, out);
            }
            Color c = a.pnlPct() > 0 ? look.up : a.pnlPct() < 0 ? look.down : look.neutral;
            Line line = new Line(xe, ye, xx, yx);
            line.setStroke(c);
            line.setStrokeWidth(selected ? 3 : 1.6);
            line.getStyleClass().add("annotation-line");
            line.setId("line-" + tf + "-" + a.id());
            selectOnClick(line, a);
            out.add(line);
            Text pnl = text(String.format(Locale.ROOT, "%+.2f %%", a.pnlPct()), (xe + xx) / 2 + 4, (ye + yx) / 2 - 6, c, "annotation-pnl");
            pnl.setId("pnl-" + tf + "-" + a.id());
            out.add(pnl);
            labels.add(pnl);
        }
        Color dc = a.direction() == AnnotationDirection.SHORT ? look.down : a.direction() == AnnotationDirection.LONG ? look.up : look.neutral;
        out.add(marker(a, false, xe, ye, dc, selected));
        out.add(marker(a, true, xx, yx, dc, selected));
    }

    /** Take-profit and stop-loss zones between entry and exit time, with the reward/risk. */
    private void zones(Annotation a, double xe, double xx, double ye, List<Node> out) {
        PaneLook look = pane.look();
        double left = Math.min(xe, xx);
        double w = Math.max(2, Math.abs(xx - xe));
        if (!Double.isNaN(a.takeProfit())) {
            double yt = pane.canvasY(a.takeProfit());
            Rectangle tp = new Rectangle(left, Math.min(ye, yt), w, Math.abs(ye - yt));
            tp.setFill(look.up.deriveColor(0, 1, 1, 0.18));
            tp.getStyleClass().add("annotation-take-profit");
            out.add(tp);
        }
        if (!Double.isNaN(a.stopLoss())) {
            double ys = pane.canvasY(a.stopLoss());
            Rectangle sl = new Rectangle(left, Math.min(ye, ys), w, Math.abs(ye - ys));
            sl.setFill(look.down.deriveColor(0, 1, 1, 0.18));
            sl.getStyleClass().add("annotation-stop-loss");
            out.add(sl);
        }
        double rr = AnnotationMath.riskReward(a.direction(), a.entryPrice(), a.stopLoss(), a.takeProfit());
        String t = Double.isNaN(rr) ? (Double.isNaN(a.stopLoss()) ? "TP" : "SL") : String.format(Locale.ROOT, "R:R %.2f", rr);
        Text label = text(t, left + 3, ye + (a.direction() == AnnotationDirection.LONG ? 14 : -6), look.neutral, "annotation-rr");
        label.setId("rr-" + pane.timeframe().code() + "-" + a.id());
        out.add(label);
    }

    /**
     * Keeps the P&amp;L labels inside the plot and off each other: two trades close in time on a coarse pane put their
     * labels on the same spot, unreadable. Each label, in drawing order, takes the first free place among its own and
     * a few label heights above or below it; where none is free it stays where it was.
     */
    private void placeLabels(List<Text> labels) {
        double w = pane.canvasWidth();
        double h = pane.canvasHeight();
        List<Bounds> placed = new ArrayList<>();
        for (Text t : labels) {
            Bounds b = t.getBoundsInLocal();
            double dx = w > 0 ? Math.min(0, w - 2 - b.getMaxX()) : 0;
            dx = Math.max(dx, 2 - b.getMinX());
            double step = b.getHeight() + 1;
            double chosen = Double.NaN;
            for (int k = 0; k <= 8 && Double.isNaN(chosen); k++) {
                double dy = (k % 2 == 1 ? -1 : 1) * ((k + 1) / 2) * step;
                Bounds c = new BoundingBox(b.getMinX() + dx, b.getMinY() + dy, b.getWidth(), b.getHeight());
                boolean inside = h <= 0 || c.getMinY() >= 0 && c.getMaxY() <= h;
                if (inside && placed.stream().noneMatch(c::intersects)) {
                    chosen = dy;
                }
            }
            double dy = Double.isNaN(chosen) ? 0 : chosen;
            t.setX(t.getX() + dx);
            t.setY(t.getY() + dy);
            placed.add(new BoundingBox(b.getMinX() + dx, b.getMinY() + dy, b.getWidth(), b.getHeight()));
        }
    }

    private Shape marker(Annotation a, boolean exit, double x, double y, Color c, boolean selected) {
        PaneLook look = pane.look();
        Shape m;
        if (exit) {
            Rectangle r = new Rectangle(x - 5, y - 5, 10, 10);
            m = r;
        } else if (a.direction() == AnnotationDirection.SHORT) {
            m = new Polygon(x - 7, y - 8, x + 7, y - 8, x, y); // pointing down at the entry
        } else {
            m = new Polygon(x - 7, y + 8, x + 7, y + 8, x, y); // pointing up at the entry
        }
        m.setFill(exit ? look.tag : c); // an exit is hollow: the plot's own colour inside
        m.setStroke(selected ? look.emphasis : c);
        m.setStrokeWidth(selected ? 2.2 : 1.5);
        m.getStyleClass().add(exit ? "annotation-exit" : "annotation-entry");
        m.setId((exit ? "exit-" : "entry-") + pane.timeframe().code() + "-" + a.id());
        m.setCursor(Cursor.HAND);
        double[] press = new double[2];
        m.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            dragging = true;
            press[0] = e.getSceneX();
            press[1] = e.getSceneY();
            e.consume();
        });
        m.setOnMouseDragged(e -> {
            if (dragging) {
                m.setTranslateX(e.getSceneX() - press[0]);
                m.setTranslateY(e.getSceneY() - press[1]);
            }
            e.consume();
        });
        m.setOnMouseReleased(e -> {
            if (!dragging) {
                return;
            }
            dragging = false;
            e.consume();
            boolean moved = Math.hypot(e.getSceneX() - press[0], e.getSceneY() - press[1]) >= 3;
            onSelect.accept(a);
            if (moved) {
                Point2D p = pane.toCanvas(e.getSceneX(), e.getSceneY());
                onDrop.accept(new MarkerDrop(pane, a, exit, p.getX(), p.getY()));
            }
            redraw();
        });
        m.setOnMouseClicked(Event::consume);
        return m;
    }

    private void drawPending(List<Node> out) {
        Color pendingColor = pane.look().pending;
        double x = pane.canvasX(pending.time());
        double y = pane.canvasY(pending.price());
        if (pointer != null) {
            Line band = new Line(x, y, pointer.getX(), pointer.getY());
            band.getStrokeDashArray().setAll(6.0, 4.0);
            band.setStroke(pendingColor);
            band.setMouseTransparent(true);
            out.add(band);
        }
        Polygon m = new Polygon(x - 7, y + 8, x + 7, y + 8, x, y);
        m.setFill(Color.TRANSPARENT);
        m.setStroke(pendingColor);
        m.setStrokeWidth(2);
        m.setMouseTransparent(true);
        m.getStyleClass().add("pending-entry");
        m.setId("pending-" + pane.timeframe().code());
        out.add(m);
        out.add(text(pending.noTrade() ? "no-trade from here: X / click ends it" : "entry: X / click sets the exit", x + 9, y - 6, pendingColor, "pending-label"));
    }

    private void selectOnClick(Shape s, Annotation a) {
        s.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                onSelect.accept(a);
                e.consume();
            }
        });
    }

    private static Text text(String s, double x, double y, Color c, String style) {
        Text t = new Text(x, y, s);
        t.setFill(c);
        t.setFont(Font.font(11));
        t.setMouseTransparent(true);
        t.getStyleClass().add(style);
        return t;
    }

    /** The nodes drawn now (tests look markers up through the scene; this is for counting). */
    public List<Node> drawn() {
        return List.copyOf(getChartChildren());
    }
}
