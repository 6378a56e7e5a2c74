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
    /**
     * Room (px) at least, at either end, beyond the outermost candles' open times: a decision marker drawn on the
     * first or newest candle (a diamond about 10 px wide) is whole too. Seen at 1d: the newest BUY diamond cut in half.
     */
    static final double MARKER_ROOM_PX = 8;

    private FollowRange() {
    }

    /**
     * The range from bar {@code from} to the newest, drawn in candles of {@code bucket} bars each (bucket b starts at
     * bar b × bucket), with predicted candles up to {@code newestGhostMillis} (or {@link Long#MIN_VALUE}).
     *
     * @return {min, max} in seconds
     */
    static double[] of(CandleColumns c, int from, int bucket, long stepMillis, long newestGhostMillis, double plotPixels) {
        int n = c.size();
        int k = Math.max(1, bucket);
        double candle = (double) k * stepMillis; // a shown candle's slot, in ms
        int first = Math.min(n - 1, (from + k - 1) / k * k); // the first whole shown candle at or after bar `from`
        long newest = Math.max(c.time(n - 1), newestGhostMillis);
        // the ms that MARKER_ROOM_PX take up (the plot's scale, from the span between the outer candles)
        double px = plotPixels > 4 * MARKER_ROOM_PX ? (newest - c.time(first)) / (plotPixels - 2 * MARKER_ROOM_PX) : 0;
        double markerRoom = MARKER_ROOM_PX * px;
        double min;
        if (first == 0) {
            // the first candle of the series: a whole slot before it (half a slot beyond its half width), or the marker room
            min = c.time(0) - Math.max(candle, markerRoom);
        } else {
            // older bars go on to the left: the edge falls between the previous candle and this one, cutting neither
            min = c.time(first) - candle / 2;
        }
        double max = newest + Math.max(RIGHT_ROOM * candle, markerRoom);
        return new double[] {min / 1000.0, max / 1000.0};
    }
}
