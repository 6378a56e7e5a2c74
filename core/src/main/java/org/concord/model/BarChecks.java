package org.concord.model;

/** The single statement of what makes OHLCV values valid; used by value types, the store and the feeds. */
public final class BarChecks {
    private BarChecks() {
    }

    /** @return null when valid, else a short reason. */
    public static String problem(double open, double high, double low, double close, double volume) {
        if (!finitePositive(open) || !finitePositive(high) || !finitePositive(low) || !finitePositive(close)) {
            return "prices must be finite and > 0 (o=" + open + " h=" + high + " l=" + low + " c=" + close + ")";
        }
        if (!(volume >= 0) || Double.isInfinite(volume)) {
            return "volume must be finite and >= 0 (v=" + volume + ")";
        }
        if (high < low) {
            return "high < low (h=" + high + " l=" + low + ")";
        }
        if (open > high || open < low || close > high || close < low) {
            return "open/close outside [low, high]";
        }
        return null;
    }

    public static boolean finitePositive(double v) {
        return v > 0 && !Double.isInfinite(v);
    }
}
