package org.concord.live;

/** A predicted (not yet real) candle: drawn translucent until the real bar of {@code openTime} closes. */
public record GhostCandle(long openTime, double open, double high, double low, double close) {
    public GhostCandle {
        if (!(low > 0) || !(high >= low) || open < low || open > high || close < low || close > high
                || Double.isInfinite(high)) {
            throw new IllegalArgumentException("ghost candle needs 0 < low <= open, close <= high, got o=" + open + " h=" + high
                    + " l=" + low + " c=" + close);
        }
    }
}
