package org.concord.app.trading;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * A ChartFX plugin that draws the desk's order lines over the candles (separate from the data sets): entry, SL,
 * TP and position lines with a label each. Dragging a draggable line and releasing it reports the new price
 * ({@link #setOnMoved}); a right click on the plot reports the price under the mouse ({@link #setOnPricePicked}).
 * It only renders and forwards: what a move means is the presenter's business.
 */
public final class OrderLinesPlugin extends ChartPlugin {
    /** A line released at a new price. */
    public interface Moved {
        void moved(OrderLine line, double newPrice);
    }

    /** A right click on the plot at {@code price}, at screen position (x, y). */
    public interface PricePicked {
        void picked(double price, double screenX, double screenY);
    }

    private final Axis yAxis;
    private final List<Drawn> drawn = new ArrayList<>();
    private List<OrderLine> pending;
    private Drawn dragging;
    private Moved onMoved = (l, p) -> { };
    private PricePicked onPricePicked = (p, x, y) -> { };
    private final EventHandler<MouseEvent> rightClick = this::onRightClick;

    public OrderLinesPlugin(Axis yAxis) {
        if (yAxis == null) {
            throw new IllegalArgumentException("the price axis is required");
        }
        this.yAxis = yAxis;
        // a filter, so the Zoomer's right-click zoom-out does not also fire
        chartProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.removeEventFilter(MouseEvent.MOUSE_PRESSED, rightClick);
                old.removeEventFilter(MouseEvent.MOUSE_RELEASED, rightClick);
            }
            if (now != null) {
                now.addEventFilter(MouseEvent.MOUSE_PRESSED, rightClick);
                now.addEventFilter(MouseEvent.MOUSE_RELEASED, rightClick);
            }
        });
    }

    public void setOnMoved(Moved m) {
        onMoved = m == null ? (l, p) -> { } : m;
    }

    public void setOnPricePicked(PricePicked p) {
        onPricePicked = p == null ? (a, b, c) -> { } : p;
    }

    /** Replaces the lines (FX thread); while a line is being dragged the new set waits for the release. */
    public void show(List<OrderLine> lines) {
        if (lines == null) {
            throw new IllegalArgumentException("lines are required (empty for none)");
        }
        if (dragging != null) {
            pending = lines;
            return;
        }
        if (sameAs(lines)) {
            return;
        }
        getChartChildren().clear();
        drawn.clear();
        for (OrderLine l : lines) {
            Drawn d = new Drawn(l);
            drawn.add(d);
            getChartChildren().addAll(d.line, d.pick, d.label);
        }
        layoutChildren();
    }

    private boolean sameAs(List<OrderLine> lines) {
        if (lines.size() != drawn.size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals(drawn.get(i).model)) {
                return false;
            }
        }
        return true;
    }

    /** The lines now drawn (tests). */
    public List<OrderLine> lines() {
        return drawn.stream().map(d -> d.model).toList();
    }

    /** Where a line of {@code clientOrderId} of kind {@code kind} is drawn, in scene coordinates (tests, robots). */
    public javafx.geometry.Point2D scenepoint(String clientOrderId, OrderLine.Kind kind) {
        for (Drawn d : drawn) {
            if (d.model.kind() == kind && clientOrderId.equals(d.model.clientOrderId())) {
                Bounds b = d.pick.localToScene(d.pick.getBoundsInLocal());
                return new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.3, (b.getMinY() + b.getMaxY()) / 2);
            }
        }
        return null;
    }

    @Override
    public void layoutChildren() {
        if (getChart() == null) {
            return;
        }
        Bounds plot = getChart().getCanvas().getBoundsInLocal();
        for (Drawn d : drawn) {
            double y = yAxis.getDisplayPosition(d.price);
            boolean visible = Double.isFinite(y) && y >= plot.getMinY() && y <= plot.getMaxY();
            d.label.setVisible(visible);
            for (Line l : new Line[] {d.line, d.pick}) {
                l.setVisible(visible);
                l.setStartX(plot.getMinX());
                l.setEndX(plot.getMaxX());
                l.setStartY(y);
                l.setEndY(y);
            }
            d.label.autosize();
            d.label.relocate(plot.getMinX() + 6, y - d.label.getHeight() - 1);
        }
    }

    private double priceAt(MouseEvent e) {
        return yAxis.getValueForDisplay(getChart().getCanvas().sceneToLocal(e.getSceneX(), e.getSceneY()).getY());
    }

    private void onRightClick(MouseEvent e) {
        if (e.getButton() != MouseButton.SECONDARY || getChart() == null) {
            return;
        }
        var local = getChart().getCanvas().sceneToLocal(e.getSceneX(), e.getSceneY());
        if (!getChart().getCanvas().getBoundsInLocal().contains(local)) {
            return;
        }
        e.consume();
        // the menu opens on the release: opened during the press, its popup would take the rest of the gesture
        if (e.getEventType() == MouseEvent.MOUSE_RELEASED) {
            onPricePicked.picked(yAxis.getValueForDisplay(local.getY()), e.getScreenX(), e.getScreenY());
        }
    }

    /** One drawn line: a thin visible stroke over a wide transparent one that is easy to grab. */
    private final class Drawn {
        final OrderLine model;
        final Line line = new Line();
        final Line pick = new Line(); // wide and almost invisible: what the mouse grabs
        final Label label;
        double price;

        Drawn(OrderLine model) {
            this.model = model;
            this.price = model.price();
            Color c = switch (model.kind()) {
                case ENTRY -> Color.web("#2f8fe0");
                case STOP_LOSS -> Color.web("#e0413a");
                case TAKE_PROFIT -> Color.web("#1faa55");
                case POSITION -> Color.web("#f0a020");
            };
            line.setStroke(c);
            line.setStrokeWidth(model.draggable() ? 2 : 1.5);
            if (model.kind() == OrderLine.Kind.POSITION) {
                line.getStrokeDashArray().setAll(6.0, 4.0);
            }
            pick.setId("order-line-" + model.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + model.clientOrderId());
            line.setMouseTransparent(true);
            pick.setStroke(Color.rgb(0, 0, 0, 0.01));
            pick.setStrokeWidth(10);
            pick.setMouseTransparent(!model.draggable());
            label = new Label(model.label());
            label.setStyle("-fx-font-size: 11px; -fx-text-fill: white; -fx-padding: 0 4 0 4; -fx-background-color: " + web(c) + ";");
            label.setMouseTransparent(true);
            if (model.draggable()) {
                pick.setCursor(Cursor.V_RESIZE);
                pick.setOnMousePressed(e -> {
                    if (e.getButton() == MouseButton.PRIMARY) {
                        dragging = this;
                        e.consume();
                    }
                });
                pick.setOnMouseDragged(e -> {
                    if (dragging == this) {
                        price = priceAt(e);
                        label.setText(model.label() + "  → " + OrderLine.fmt(price));
                        layoutChildren();
                        e.consume();
                    }
                });
                pick.setOnMouseReleased(e -> {
                    if (dragging != this) {
                        return;
                    }
                    dragging = null;
                    e.consume();
                    double to = price;
                    List<OrderLine> next = pending;
                    pending = null;
                    if (Double.isFinite(to) && to > 0 && Math.abs(to - model.price()) > 1e-12) {
                        onMoved.moved(model, to);
                    }
                    if (next != null) {
                        show(next);
                    }
                });
            }
        }
    }

    private static String web(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
    }
}
