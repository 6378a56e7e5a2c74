package org.concord.annotate.chart;

import io.fair_acc.chartfx.plugins.ChartPlugin;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.concord.chart.DisplayFormat;
import org.concord.model.Timeframe;


/**
 * The pointer's crosshair as a trader knows it: a vertical line on the candle under the pointer with its time in a
 * tag at the bottom, a horizontal line with the price in a tag at the right edge. Written with the desk's
 * {@link DisplayFormat} (tick precision, the user's zone); where no price can be read (no range yet) there is no
 * price tag rather than "NaN". FX thread only.
 */
public final class Crosshair extends ChartPlugin {
    private static final double PAD = 3;

    private final CandlePane pane;
    private final Line horizontal = guide();
    private final Line vertical = guide();
    private final Rectangle priceBox = new Rectangle();
    private final Text priceText = label("crosshair-price");
    private final Rectangle timeBox = new Rectangle();
    private final Text timeText = label("crosshair-time");
    private Point2D pointer;

    Crosshair(CandlePane pane) {
        this.pane = pane;
        priceBox.setMouseTransparent(true);
        timeBox.setMouseTransparent(true);
        // the same six nodes always: a redraw (every pointer move) moves them and shows or hides them
        getChartChildren().setAll(vertical, horizontal, priceBox, priceText, timeBox, timeText);
        show(false, false);
    }

    /** Where the pointer is in canvas coordinates; null hides the crosshair. */
    public void pointer(Point2D canvas) {
        pointer = canvas;
        redraw();
    }

    /** The price tag's text, or "" when none is shown. */
    public String priceTag() {
        return priceText.isVisible() ? priceText.getText() : "";
    }

    /** The time tag's text, or "" when none is shown. */
    public String timeTag() {
        return timeText.isVisible() ? timeText.getText() : "";
    }

    @Override
    public void runPostLayout() {
        redraw();
    }

    void redraw() {
        if (getChart() == null) {
            return;
        }
        double w = pane.canvasWidth();
        double h = pane.canvasHeight();
        if (pointer == null || !pane.hasView() || pointer.getX() < 0 || pointer.getY() < 0 || pointer.getX() > w || pointer.getY() > h) {
            show(false, false);
            return;
        }
        PaneLook look = pane.look();
        DisplayFormat f = pane.format();
        double x = pointer.getX();
        long t = pane.timeAt(x);
        int i = pane.bars().nearestIndex(t);
        if (i >= 0) {
            t = pane.bars().series().time(i);
            x = pane.canvasX(t);
        }
        vertical.setStroke(look.guide);
        vertical.setStartX(x);
        vertical.setEndX(x);
        vertical.setStartY(0);
        vertical.setEndY(h);
        double price = pane.priceAt(pointer.getY());
        boolean priced = Double.isFinite(price);
        if (priced) {
            horizontal.setStroke(look.guide);
            horizontal.setStartX(0);
            horizontal.setEndX(w);
            horizontal.setStartY(pointer.getY());
            horizontal.setEndY(pointer.getY());
            tag(priceBox, priceText, f.price(price), look);
            place(priceBox, priceText, w - priceBox.getWidth(), clamp(pointer.getY() - priceBox.getHeight() / 2, 0, h - priceBox.getHeight()));
        }
        tag(timeBox, timeText, candleTime(f, pane.timeframe(), t), look);
        place(timeBox, timeText, clamp(x - timeBox.getWidth() / 2, 0, w - timeBox.getWidth()), h - timeBox.getHeight());
        show(true, priced);
    }

    private void show(boolean on, boolean priced) {
        vertical.setVisible(on);
        timeBox.setVisible(on);
        timeText.setVisible(on);
        horizontal.setVisible(on && priced);
        priceBox.setVisible(on && priced);
        priceText.setVisible(on && priced);
    }

    /** A candle's open time at the precision its timeframe needs (seconds only below one minute). */
    public static String candleTime(DisplayFormat f, Timeframe tf, long openTime) {
        return tf.millis() < Timeframe.M1.millis() ? f.dateTime(openTime) : f.dateMinute(openTime);
    }

    private static void tag(Rectangle box, Text text, String s, PaneLook look) {
        text.setText(s);
        text.setFill(look.emphasis);
        box.setFill(look.tag);
        box.setStroke(look.guide);
        box.setWidth(Math.ceil(text.getLayoutBounds().getWidth()) + 2 * PAD);
        box.setHeight(Math.ceil(text.getLayoutBounds().getHeight()) + 2);
    }

    private static void place(Rectangle box, Text text, double x, double y) {
        box.setX(x);
        box.setY(y);
        text.setX(x + PAD);
        text.setY(y + 1);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static Line guide() {
        Line l = new Line();
        l.getStrokeDashArray().setAll(4.0, 4.0);
        l.setMouseTransparent(true);
        return l;
    }

    private static Text label(String id) {
        Text t = new Text();
        t.setTextOrigin(VPos.TOP); // y is the top of the text (its layout bounds move with y, so they cannot place it)
        t.setFont(Font.font(11));
        t.setMouseTransparent(true);
        t.getStyleClass().add(id);
        return t;
    }
}
