package org.concord.model;

/**
 * One OHLCV bar as a value, for API boundaries and events. Hot paths use {@link BarSeries} columns instead.
 *
 * @param openTime epoch ms of the bar's start (inclusive)
 * @param closed   false while the bar is still forming
 */
public record Bar(Symbol symbol, Timeframe timeframe, long openTime,
                  double open, double high, double low, double close, double volume, boolean closed) {

    public Bar {
        if (symbol == null || timeframe == null) {
            throw new IllegalArgumentException("bar symbol/timeframe is null");
        }
        String problem = BarChecks.problem(open, high, low, close, volume);
        if (problem != null) {
            throw new IllegalArgumentException("invalid bar " + symbol + " " + timeframe + " @" + openTime + ": " + problem);
        }
    }

    /** Exclusive end of the bar. */
    public long closeTime() {
        return timeframe.closeTime(openTime);
    }

    public double range() {
        return high - low;
    }
}
