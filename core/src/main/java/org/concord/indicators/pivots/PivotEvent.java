package org.concord.indicators.pivots;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;

/**
 * A Williams swing high or low of some level that has just been confirmed. It is published at
 * {@code confirmedAt} (the close of the bar that confirmed it) and never before: a swing is only known once the
 * bars after it have closed (level 1: {@code strength} bars; level n: the next level-(n-1) swing).
 *
 * @param level       1-based Williams level
 * @param barTime     open time of the bar that made the extreme
 * @param price       the high (SWING_HIGH) or low (SWING_LOW) of that bar
 * @param confirmedAt close time of the bar that confirmed it
 * @param structure   against the previous swing of the same level and side: +1 higher (HH / HL), -1 lower
 *                    (LH / LL), 0 first of its level or equal
 */
public record PivotEvent(Symbol symbol, Timeframe timeframe, int level, Kind kind, long barTime, double price, long confirmedAt,
                         int structure) {
    /** Which side of the market the swing marks. */
    public enum Kind { SWING_HIGH, SWING_LOW }

    public PivotEvent {
        if (symbol == null || timeframe == null || kind == null) {
            throw new IllegalArgumentException("pivot event needs a symbol, a timeframe and a kind");
        }
        if (level < 1) {
            throw new IllegalArgumentException("pivot level must be >= 1, got " + level);
        }
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("pivot price must be finite and > 0, got " + price);
        }
        if (confirmedAt <= barTime || structure < -1 || structure > 1) {
            throw new IllegalArgumentException("pivot confirmed at " + confirmedAt + " must follow its bar " + barTime
                    + " and structure must be -1, 0 or 1 (got " + structure + ")");
        }
    }

    /** HH, LH, HL, LL, or "H"/"L" for the first swing of its level. */
    public String label() {
        boolean high = kind == Kind.SWING_HIGH;
        return structure > 0 ? (high ? "HH" : "HL") : structure < 0 ? (high ? "LH" : "LL") : (high ? "H" : "L");
    }
}
