package org.concord.app.feed;

import org.concord.feed.FeedState;

/**
 * What the status bar shows about the active feed (an immutable snapshot).
 *
 * @param lagMillis wall clock minus the newest event's time for a live feed; -1 for a replay (not meaningful)
 * @param firstTime first data time of the replay tape (for the seek slider), or -1
 * @param lastTime  last data time of the replay tape, or -1
 */
public record FeedStatus(String source, String symbol, FeedState state, double speed, long dataTime, long lagMillis, long delivered,
                         long firstTime, long lastTime, boolean replay) {
    public static final FeedStatus NONE = new FeedStatus("no feed", "", FeedState.IDLE, 0, Long.MIN_VALUE, -1, 0, -1, -1, false);
}
