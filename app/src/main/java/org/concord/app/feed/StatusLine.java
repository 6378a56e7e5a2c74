package org.concord.app.feed;

import org.concord.chart.DisplayFormat;

/** The status bar's left text: the feed and its state, whose data clock is shown and its time, the lag, the bars. */
public final class StatusLine {
    /** Past the end of a bundled recording the replay loops over shifted, price-scaled copies: no such trade happened. */
    public static final String SYNTHETIC = "(looped recording: synthetic prices)";

    private StatusLine() {
    }

    /**
     * E.g. "Replay BTCUSD 600.0x · RUNNING · ETHUSD data 2023-03-01 21:30:00 · 345 bars": the clock is the selected
     * instrument's and is named, since the replay's own (the BTCUSD tape's) is ten years off ETHUSD's and AAPL's.
     */
    public static String text(StatusSnapshot s, DisplayFormat format, int bars) {
        FeedStatus f = s.feed();
        String who = s.symbol().isEmpty() ? "" : s.symbol() + " ";
        String data = s.symbolTime() == Long.MIN_VALUE ? (who.isEmpty() ? "" : " · " + who + "no data yet")
                : " · " + who + "data " + format.dateTime(s.symbolTime()) + (s.synthetic() ? " " + SYNTHETIC : "");
        // a live feed's lag is its own symbol's: named when the chart shows another
        String lagOf = f.symbol().isEmpty() || f.symbol().equals(s.symbol()) ? "" : f.symbol() + " ";
        String lag = f.lagMillis() >= 0 ? " · " + lagOf + "lag " + f.lagMillis() + " ms" : "";
        String feed = "remote".equals(s.mode()) ? "remote feed" : f.source() + " · " + f.state();
        return feed + data + lag + " · " + bars + " bars";
    }
}
