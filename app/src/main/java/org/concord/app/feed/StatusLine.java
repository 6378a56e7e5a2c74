package org.concord.app.feed;

import org.concord.chart.DisplayFormat;

/** The status bar's left text: the feed and its state, whose data clock is shown and its time, the lag, the bars. */
public final class StatusLine {
    /**
     * Past the end of a bundled recording the replay loops over shifted copies, every other one mirrored in price: no such
     * trade happened.
     * One word in the line, just before the clock it qualifies (which reads as before: "ETHUSD data 2023-…"):
     * "(looped recording: synthetic prices)" after the clock was cut to "(looped recording: synt…" on a 1400 px
     * window, the word that mattered lost. {@link #explain} says more.
     */
    public static final String SYNTHETIC = "synthetic";
    static final String SYNTHETIC_NOTE = "synthetic: the bundled recording has ended and the replay loops over\n"
            + "shifted copies of it, every other one mirrored in price (each move reversed); no such trade happened";

    private StatusLine() {
    }

    /**
     * E.g. "Replay BTCUSD 600.0x · RUNNING · ETHUSD data 2023-03-01 21:30:00 · 345 bars": the clock is the selected
     * instrument's and is named, since the replay's own (the BTCUSD tape's) is ten years off ETHUSD's and AAPL's. Past
     * the end of the recording: "… · RUNNING · synthetic · BTCUSD data 2013-12-01 20:23:51 · 9390 bars".
     */
    public static String text(StatusSnapshot s, DisplayFormat format, int bars) {
        FeedStatus f = s.feed();
        String who = s.symbol().isEmpty() ? "" : s.symbol() + " ";
        String data = s.symbolTime() == Long.MIN_VALUE ? (who.isEmpty() ? "" : " · " + who + "no data yet")
                : " · " + (s.synthetic() ? SYNTHETIC + " · " : "") + who + "data " + format.dateTime(s.symbolTime());
        // a live feed's lag is its own symbol's: named when the chart shows another
        String lagOf = f.symbol().isEmpty() || f.symbol().equals(s.symbol()) ? "" : f.symbol() + " ";
        String lag = f.lagMillis() >= 0 ? " · " + lagOf + "lag " + f.lagMillis() + " ms" : "";
        String feed = "remote".equals(s.mode()) ? "remote feed" : f.source() + " · " + f.state();
        return feed + data + lag + " · " + bars + " bars";
    }

    /**
     * The status line's tooltip: the whole line (a narrow window elides its end) and, while the data is synthetic, what
     * that means. Symbols are upper case, so " · synthetic · " is only ever the marker.
     */
    public static String explain(String line) {
        if (line == null || line.isEmpty()) {
            return "";
        }
        return line.contains(" · " + SYNTHETIC + " · ") ? line + "\n" + SYNTHETIC_NOTE : line;
    }
}
