package org.concord.annotate.chart;

/**
 * The colours real candles are drawn in on every chart of the desk (live chart and annotation panes use the same
 * values): rising bodies and wicks teal, falling red, volume the same hues faint. Markers and levels use other
 * hues, so a candle can be told from everything else by its pixels.
 */
public final class CandleColours {
    public static final int LONG_RGB = 0x26a69a;
    public static final int SHORT_RGB = 0xef5350;
    public static final String STYLE = "-fx-candle-long-color: #26a69a; -fx-candle-short-color: #ef5350; "
            + "-fx-candle-long-wick-color: #26a69a; -fx-candle-short-wick-color: #ef5350; -fx-candle-shadow-color: transparent; "
            + "-fx-candle-volume-long-color: rgba(38,166,154,0.22); -fx-candle-volume-short-color: rgba(239,83,80,0.22);";

    private CandleColours() {
    }

    /** True when {@code rgb} is a candle body or wick colour (within a small tolerance for anti-aliasing). */
    public static boolean isCandle(int rgb) {
        return near(rgb, LONG_RGB) || near(rgb, SHORT_RGB);
    }

    private static boolean near(int a, int b) {
        int dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
        int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
        int db = (a & 0xff) - (b & 0xff);
        return Math.abs(dr) <= 24 && Math.abs(dg) <= 24 && Math.abs(db) <= 24;
    }
}
