package org.concord.app.live;

/**
 * The time range (epoch seconds) "follow" shows: every candle in it whole, and the axis ending just past the newest
 * one. ChartFX centres a candle on its open time and draws it up to {@code barWidthPercent} (70 %) of the distance
 * between two shown candles wide. Seen at 1d: the range started at the first bar's open time, so the first candle was
 * half behind the plot's left edge, and it ended 12 bars (at 1d, calendar days: about a week of trading) past the
 * last bar, a room kept for predicted candles whether any were shown or not.
 */
final class FollowRange {
    /** Shown candles of room right of the newest candle (real or predicted): the live candle's next one and a margin. */
    static final double RIGHT_ROOM = 1.5;

    private FollowRange() {
    }

    /**
     * The range from bar {@code from} to the newest, drawn in candles of {@code bucket} bars each (bucket b starts at
     * bar b × bucket), with predicted candles up to {@code newestGhostMillis} (or {@link Long#MIN_VALUE}).
     *
     * @return {min, max} in seconds
     */
    static double[] of(CandleColumns c, int from, int bucket, long stepMillis, long newestGhostMillis) {
        int n = c.size();
        int k = Math.max(1, bucket);
        double candle = (double) k * stepMillis; // a shown candle's slot, in ms
        double min;
        // the first candle of the series gets a whole slot of room before it (half a slot beyond its half width)
        int first = Math.min(n - 1, (from + k - 1) / k * k); // the first whole shown candle at or after bar `from`
        if (first == 0) {
            min = c.time(0) - candle;
        } else {
            // older bars go on to the left: the edge falls between the previous candle and this one, cutting neither
            min = c.time(first) - candle / 2;
        }
        long newest = Math.max(c.time(n - 1), newestGhostMillis);
        double max = newest + RIGHT_ROOM * candle;
        return new double[] {min / 1000.0, max / 1000.0};
    }
}
