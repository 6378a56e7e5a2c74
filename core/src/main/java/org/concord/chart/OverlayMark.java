package org.concord.chart;

/**
 * One mark a chart overlay draws: a point (bar open time, price) with a kind, a short label and, for model
 * predictions, a confidence. Computed by core or a module off the UI thread; the UI only renders it.
 *
 * @param time       open time (epoch ms) of the bar the mark belongs to on the requested timeframe
 * @param price      where on the price axis (finite, &gt; 0)
 * @param kind       what it is (decides the glyph)
 * @param label      short text drawn beside it (may be empty)
 * @param confidence in [0, 1] for predictions, NaN when it does not apply
 */
public record OverlayMark(long time, double price, Kind kind, String label, double confidence) {
    /** What a mark shows. */
    public enum Kind {
        /** Williams swing high / low (pivots module). */
        SWING_HIGH, SWING_LOW,
        /** Confirmed local maximum / minimum (extrema module). */
        LOCAL_MAX, LOCAL_MIN,
        /** A model's prediction at that bar. */
        BUY, SELL, HOLD
    }

    public OverlayMark {
        if (kind == null) {
            throw new IllegalArgumentException("overlay mark kind is required");
        }
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("overlay mark price must be finite and > 0, got " + price);
        }
        if (!Double.isNaN(confidence) && !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("overlay mark confidence must be in [0, 1] or NaN, got " + confidence);
        }
        label = label == null ? "" : label;
    }

    /** True for marks above the bar (highs, maxima, sell arrows). */
    public boolean above() {
        return kind == Kind.SWING_HIGH || kind == Kind.LOCAL_MAX || kind == Kind.SELL;
    }
}
