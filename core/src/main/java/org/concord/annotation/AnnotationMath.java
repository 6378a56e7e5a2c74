package org.concord.annotation;

import org.concord.model.Timeframe;

/**
 * The small rules the annotation tools apply, as pure functions (the UI calls them and draws the result):
 * magnet snapping, direction inference, risk/reward and where a mark's time lies.
 */
public final class AnnotationMath {
    /** A candle's price points a mark can snap to. */
    public enum PricePoint { OPEN, HIGH, LOW, CLOSE }

    /** A snapped price and which of the candle's points it is. */
    public record Snap(PricePoint point, double price) {
    }

    private AnnotationMath() {
    }

    /**
     * Magnet: the candle's open, high, low or close nearest to {@code price}. Ties go to the first in the order
     * open, high, low, close. A NaN {@code price} (no pointer position, e.g. a keyboard mark) snaps to the close.
     *
     * @throws IllegalArgumentException when the candle is not a valid OHLC (non-finite, ≤ 0, or o/c outside [l, h])
     */
    public static Snap snap(double open, double high, double low, double close, double price) {
        if (!(low > 0) || Double.isInfinite(high) || !(high >= low) || !(open >= low && open <= high) || !(close >= low && close <= high)) {
            throw new IllegalArgumentException("not a valid candle: o=" + open + " h=" + high + " l=" + low + " c=" + close);
        }
        if (Double.isNaN(price)) {
            return new Snap(PricePoint.CLOSE, close);
        }
        double[] p = {open, high, low, close};
        int best = 0;
        for (int i = 1; i < 4; i++) {
            if (Math.abs(p[i] - price) < Math.abs(p[best] - price)) {
                best = i;
            }
        }
        return new Snap(PricePoint.values()[best], p[best]);
    }

    /**
     * The direction a marked trade implies when the person did not choose one: a mark that exits above its entry
     * was a long, below it a short (a person marks the trade that should have been taken, so the winning side);
     * an exit at exactly the entry price counts as a long with 0 % P&amp;L (its label is HOLD by the label rule).
     */
    public static AnnotationDirection inferDirection(double entryPrice, double exitPrice) {
        if (!(entryPrice > 0) || !(exitPrice > 0) || Double.isInfinite(entryPrice) || Double.isInfinite(exitPrice)) {
            throw new IllegalArgumentException("entry and exit prices must be finite and > 0, got " + entryPrice + ", " + exitPrice);
        }
        return exitPrice >= entryPrice ? AnnotationDirection.LONG : AnnotationDirection.SHORT;
    }

    /** P&amp;L in percent of a trade: {@code sign · 100 · (exit/entry − 1)}, 0 for NO_TRADE (as {@link Annotation#pnlPct()}). */
    public static double pnlPct(AnnotationDirection direction, double entryPrice, double exitPrice) {
        if (direction == null) {
            throw new IllegalArgumentException("direction is null");
        }
        return Annotation.pnl(direction, entryPrice, exitPrice);
    }

    /**
     * Reward/risk of a position with levels: {@code |takeProfit − entry| / |entry − stopLoss|}; NaN when either
     * level is missing (NaN) or the direction is NO_TRADE.
     */
    public static double riskReward(AnnotationDirection direction, double entryPrice, double stopLoss, double takeProfit) {
        if (direction == null) {
            throw new IllegalArgumentException("direction is null");
        }
        if (direction == AnnotationDirection.NO_TRADE || Double.isNaN(stopLoss) || Double.isNaN(takeProfit)) {
            return Double.NaN;
        }
        double risk = Math.abs(entryPrice - stopLoss);
        return risk == 0 ? Double.NaN : Math.abs(takeProfit - entryPrice) / risk;
    }

    /**
     * The time a mark on a candle stands for: the candle's open time. The annotation's frame then ends at or
     * before the candle opened, so nothing inside the marked candle (which the snapped price came from) leaks
     * into the frame the model is trained on.
     */
    public static long markTime(Timeframe tf, long anyTimeInCandle) {
        if (tf == null) {
            throw new IllegalArgumentException("timeframe is null");
        }
        return tf.floor(anyTimeInCandle);
    }
}
