package org.concord.app.trading;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import javafx.beans.InvalidationListener;
import javafx.event.EventHandler;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import org.concord.app.live.PlotPrice;
import org.concord.chart.DisplayFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A ChartFX plugin that draws the desk's order lines over the candles (separate from the data sets): entry, SL,
 * TP and position lines with a label each. Dragging a draggable line and releasing it reports the new price, on the
 * tick grid ({@link #setOnMoved}); a right click on the plot reports the price under the mouse ({@link #setOnPricePicked}).
 * It only renders and forwards: what a move means is the presenter's business, and its answer (done, or refused and
 * why) goes to the ticket's answer line.
 *
 * <p><b>Drags survive a running replay.</b> The chart redraws every pulse and refits its price axis as bars arrive,
 * and a new snapshot of the orders comes several times a second. So the drag is the plugin's own state, keyed by the
 * line's order and kind, not a node: lines are updated in place (never rebuilt under the mouse), the gesture is taken
 * by event filters on the chart (a press within a few pixels of a draggable line starts it; the Zoomer does not pan),
 * the dragged line stays under the pointer when the axis moves, and its label shows the price it will be sent at.
 * Because the axis refits several times a second at replay speed, a line can jump just as a person presses on it:
 * a press also takes a line that was drawn under the pointer in the last {@link #AIM_NANOS} (a person's reaction
 * time), so what was aimed at is what is grabbed. A line whose order went away during the drag stays until the
 * release, when the presenter refuses the move with the reason.
 *
 * <p>The labels are stacked off each other beside their lines ({@link OrderLineLabels}), drawn over every line.
 *
 * <p><b>A line beyond the price axis is drawn at the plot's edge</b>, its label led by ▲ (above the chart) or ▼
 * (below): the axis fits the candles and only the lines near them (PriceFit), so a far order stays in sight, and a
 * drag from the edge brings it to the price under the pointer.
 */
public final class OrderLinesPlugin extends ChartPlugin {
    /** Distance (px) of a line's label from the plot's left edge. */
    private static final double LABEL_INSET = 6;
    /** Distance (px) from the plot's edge of a line beyond it: inside the plot, clear of the frame. */
    static final double EDGE_INSET = 1;
    /** A line released at a new price. */
    public interface Moved {
        void moved(OrderLine line, double newPrice);
    }

    /** A right click on the plot at {@code price}, at screen position (x, y). */
    public interface PricePicked {
        void picked(double price, double screenX, double screenY);
    }

    /** Tick 0.01 for every symbol until an instrument registry gives each its own. */
    static final DisplayFormat TICKS = DisplayFormat.UTC;
    /** How far from a draggable line (px) a press still takes it. */
    static final double GRAB = 6;
    /** How long a line's earlier places still count for a press (the time a person needs to aim and click). */
    static final long AIM_NANOS = 400_000_000L;

    private final Axis yAxis;
    private final Map<String, Drawn> drawn = new LinkedHashMap<>();
    private List<OrderLine> shown = List.of();
    private Drawn dragging;
    private double dragY;
    private boolean cursorSet;
    private Moved onMoved = (l, p) -> { };
    private PricePicked onPricePicked = (p, x, y) -> { };
    private final EventHandler<MouseEvent> mouse = this::onMouse;
    private final InvalidationListener axisMoved = o -> {
        if (dragging != null) {
            follow(dragY); // the axis refit under a still pointer: the line stays under it, its price changes
        }
    };

    public OrderLinesPlugin(Axis yAxis) {
        if (yAxis == null) {
            throw new IllegalArgumentException("the price axis is required");
        }
        this.yAxis = yAxis;
        // filters, so neither the Zoomer's pan nor its right-click zoom-out takes a gesture that is ours
        chartProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.removeEventFilter(MouseEvent.ANY, mouse);
            }
            if (now != null) {
                now.addEventFilter(MouseEvent.ANY, mouse);
            }
        });
        yAxis.minProperty().addListener(axisMoved);
        yAxis.maxProperty().addListener(axisMoved);
    }

    public void setOnMoved(Moved m) {
        onMoved = m == null ? (l, p) -> { } : m;
    }

    public void setOnPricePicked(PricePicked p) {
        onPricePicked = p == null ? (a, b, c) -> { } : p;
    }

    /** Shows {@code lines} (FX thread): existing lines are updated in place; a line being dragged keeps its price. */
    public void show(List<OrderLine> lines) {
        if (lines == null) {
            throw new IllegalArgumentException("lines are required (empty for none)");
        }
        shown = List.copyOf(lines);
        Map<String, OrderLine> next = new LinkedHashMap<>();
        for (OrderLine l : lines) {
            next.put(l.key(), l);
        }
        drawn.entrySet().removeIf(e -> {
            if (next.containsKey(e.getKey()) || e.getValue() == dragging) {
                return false;
            }
            getChartChildren().removeAll(e.getValue().line, e.getValue().label);
            return true;
        });
        for (OrderLine l : next.values()) {
            Drawn d = drawn.get(l.key());
            if (d == null) {
                d = new Drawn(l);
                drawn.put(l.key(), d);
                // lines under every label: a label stacked beside its line may lie across a neighbouring line
                getChartChildren().add(0, d.line);
                getChartChildren().add(d.label);
            } else {
                d.update(l);
            }
        }
        layoutChildren();
    }

    /** The lines now drawn (tests). */
    public List<OrderLine> lines() {
        return drawn.values().stream().map(d -> d.model).toList();
    }

    /** Where a line of {@code clientOrderId} of kind {@code kind} is drawn, in scene coordinates (tests, robots). */
    public Point2D scenepoint(String clientOrderId, OrderLine.Kind kind) {
        for (Drawn d : drawn.values()) {
            if (d.model.kind() == kind && clientOrderId.equals(d.model.clientOrderId())) {
                Bounds b = d.line.localToScene(d.line.getBoundsInLocal());
                return new Point2D(b.getMinX() + b.getWidth() * 0.3, (b.getMinY() + b.getMaxY()) / 2);
            }
        }
        return null;
    }

    /** The line being dragged, or null (tests). */
    public OrderLine dragged() {
        return dragging == null ? null : dragging.model;
    }

    /**
     * Where the shown lines' labels are drawn now, in the chart's plot coordinates, computed from the price axis as it
     * is (so a layout of other labels in the same pass sees them where they will be): the level labels keep off them.
     */
    public List<Bounds> labelBounds() {
        if (getChart() == null) {
            return List.of();
        }
        Bounds plot = getChart().getCanvas().getBoundsInLocal();
        List<Drawn> ds = List.copyOf(drawn.values());
        double[] tops = labelTops(plot, ds);
        List<Bounds> out = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            if (Double.isFinite(tops[i])) {
                Label l = ds.get(i).label;
                double w = l.prefWidth(-1);
                out.add(new BoundingBox(plot.getMinX() + LABEL_INSET, tops[i], w, l.prefHeight(w)));
            }
        }
        return out;
    }

    /**
     * Where each of {@code ds}'s labels goes now (top, canvas y), stacked off each other; NaN for a line not drawn.
     * Sets each label's text first: its arrow depends on where the axis puts the line.
     */
    private double[] labelTops(Bounds plot, List<Drawn> ds) {
        double[] y = new double[ds.size()];
        double[] h = new double[ds.size()];
        for (int i = 0; i < ds.size(); i++) {
            Drawn d = ds.get(i);
            d.label.setText(d.text(edge(plot, d.price)));
            y[i] = drawnY(plot, d.price);
            h[i] = d.label.prefHeight(d.label.prefWidth(-1));
        }
        return OrderLineLabels.tops(y, h, plot.getMinY(), plot.getMaxY());
    }

    /** -1 for a price above the plot, 1 below it, 0 on it (or not drawable yet). */
    private int edge(Bounds plot, double price) {
        double at = yAxis.getDisplayPosition(price);
        return !Double.isFinite(at) ? 0 : at < plot.getMinY() ? -1 : at > plot.getMaxY() ? 1 : 0;
    }

    /** Where a line at {@code price} is drawn (canvas y): at its price, or at the edge of the plot beyond which it lies. */
    private double drawnY(Bounds plot, double price) {
        double at = yAxis.getDisplayPosition(price);
        return Double.isFinite(at) ? Math.max(plot.getMinY() + EDGE_INSET, Math.min(plot.getMaxY() - EDGE_INSET, at)) : Double.NaN;
    }

    @Override
    public void layoutChildren() {
        if (getChart() == null) {
            return;
        }
        Bounds plot = getChart().getCanvas().getBoundsInLocal();
        List<Drawn> ds = List.copyOf(drawn.values());
        double[] tops = labelTops(plot, ds);
        for (int i = 0; i < ds.size(); i++) {
            Drawn d = ds.get(i);
            double y = drawnY(plot, d.price);
            boolean visible = Double.isFinite(tops[i]);
            d.label.setVisible(visible);
            d.line.setVisible(visible);
            d.line.setStartX(plot.getMinX());
            d.line.setEndX(plot.getMaxX());
            d.line.setStartY(y);
            d.line.setEndY(y);
            d.drawnAt(y);
            d.label.autosize();
            if (visible) {
                d.label.relocate(plot.getMinX() + LABEL_INSET, tops[i]);
            }
        }
    }

    // ---------------------------------------------------------------- the gesture

    private void onMouse(MouseEvent e) {
        if (getChart() == null) {
            return;
        }
        Point2D local = getChart().getCanvas().sceneToLocal(e.getSceneX(), e.getSceneY());
        boolean inPlot = getChart().getCanvas().getBoundsInLocal().contains(local);
        if (e.getButton() == MouseButton.SECONDARY && inPlot
                && (e.getEventType() == MouseEvent.MOUSE_PRESSED || e.getEventType() == MouseEvent.MOUSE_RELEASED)) {
            e.consume();
            // the menu opens on the release: opened during the press, its popup would take the rest of the gesture
            if (e.getEventType() == MouseEvent.MOUSE_RELEASED) {
                // the crosshair's own conversion: the menu offers the price the crosshair names at this point
                onPricePicked.picked(TICKS.roundToTick(PlotPrice.at(getChart(), yAxis, e.getSceneX(), e.getSceneY())), e.getScreenX(), e.getScreenY());
            }
            return;
        }
        if (e.getEventType() == MouseEvent.MOUSE_MOVED) {
            hover(inPlot ? grabbable(local.getY()) : null);
        } else if (e.getEventType() == MouseEvent.MOUSE_PRESSED && e.getButton() == MouseButton.PRIMARY && inPlot && dragging == null) {
            Drawn d = grabbable(local.getY());
            if (d != null) {
                dragging = d;
                e.consume();
                follow(local.getY());
            }
        } else if (e.getEventType() == MouseEvent.MOUSE_DRAGGED && dragging != null) {
            e.consume();
            follow(local.getY());
        } else if (e.getEventType() == MouseEvent.MOUSE_RELEASED && dragging != null) {
            e.consume();
            follow(local.getY());
            release();
        }
    }

    /** The draggable line nearest to {@code y} (canvas pixels) within {@link #GRAB}, now or lately, or null. */
    private Drawn grabbable(double y) {
        Drawn best = null;
        double bestDist = GRAB;
        long now = System.nanoTime();
        for (Drawn d : drawn.values()) {
            double dist = Math.min(Math.abs(d.y - y), d.recentDistance(y, now));
            if (d.model.draggable() && dist <= bestDist) {
                best = d;
                bestDist = dist;
            }
        }
        return best;
    }

    private void hover(Drawn d) {
        if (d != null) {
            getChart().setCursor(Cursor.V_RESIZE);
            cursorSet = true;
        } else if (cursorSet) {
            getChart().setCursor(null);
            cursorSet = false;
        }
    }

    /** The dragged line goes to the price under {@code y} (canvas pixels), on the tick grid. */
    private void follow(double y) {
        dragY = y;
        double p = TICKS.roundToTick(yAxis.getValueForDisplay(y));
        if (Double.isFinite(p)) {
            dragging.price = p;
        }
        layoutChildren(); // the label shows the price it will be sent at
    }

    private void release() {
        Drawn d = dragging;
        dragging = null;
        double to = d.price;
        d.update(d.model); // back to what the order says until the presenter's answer moves it
        show(shown);
        if (Math.abs(to - d.model.price()) >= TICKS.tick() / 2) {
            onMoved.moved(d.model, to);
        }
    }

    /** One drawn line: a thin stroke and its label. */
    private final class Drawn {
        OrderLine model;
        final Line line = new Line();
        final Label label = new Label();
        double price;
        /** Where the line is drawn now (canvas y). */
        double y = Double.NaN;
        // where the line was drawn lately (canvas y and when), newest last: a ring of the last few layouts
        private final double[] lateY = new double[8];
        private final long[] lateAt = new long[8];
        private int late;

        Drawn(OrderLine model) {
            line.setMouseTransparent(true);
            label.setMouseTransparent(true);
            update(model);
        }

        void drawnAt(double at) {
            y = at;
            if (Double.isFinite(at)) {
                int i = late++ % lateY.length;
                lateY[i] = at;
                lateAt[i] = System.nanoTime();
            }
        }

        /** The label: what the line is, the price a drag will send, and ▲ or ▼ at the plot's top or bottom {@code edge}. */
        String text(int edge) {
            String what = this == dragging ? model.label() + "  → " + TICKS.price(price) : model.label();
            return edge < 0 ? "▲ " + what : edge > 0 ? "▼ " + what : what;
        }

        /** The smallest distance from {@code y} to where this line was drawn within {@link #AIM_NANOS} of {@code now}. */
        double recentDistance(double y, long now) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < Math.min(late, lateY.length); i++) {
                if (now - lateAt[i] <= AIM_NANOS) {
                    best = Math.min(best, Math.abs(lateY[i] - y));
                }
            }
            return best;
        }

        void update(OrderLine m) {
            boolean restyle = model == null || model.kind() != m.kind() || model.draggable() != m.draggable();
            model = m;
            if (this == dragging) {
                return; // keeps the dragged price and its "→" label until the release
            }
            price = m.price();
            label.setText(m.label()); // with its edge's arrow at the next layout
            if (restyle) {
                style();
            }
        }

        private void style() {
            Color c = switch (model.kind()) {
                case ENTRY -> Color.web("#2f8fe0");
                case STOP_LOSS -> Color.web("#e0413a");
                case TAKE_PROFIT -> Color.web("#1faa55");
                case POSITION -> Color.web("#f0a020");
                case BOT_POSITION -> Color.web("#a070e0");
            };
            line.setId("order-line-" + model.kind().name().toLowerCase(Locale.ROOT) + "-" + model.clientOrderId());
            line.setStroke(c);
            line.setStrokeWidth(model.draggable() ? 2 : 1.5);
            line.getStrokeDashArray().setAll(model.kind() == OrderLine.Kind.POSITION || model.kind() == OrderLine.Kind.BOT_POSITION
                    ? List.of(6.0, 4.0) : List.of());
            label.setStyle("-fx-font-size: 11px; -fx-text-fill: white; -fx-padding: 0 4 0 4; -fx-background-color: " + web(c) + ";");
        }
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
    }
}
