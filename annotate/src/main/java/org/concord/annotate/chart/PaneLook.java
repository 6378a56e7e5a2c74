package org.concord.annotate.chart;

import io.fair_acc.chartfx.renderer.spi.financial.FinancialTheme;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * How a pane looks inside the surrounding theme: the chart's financial theme (the one the live chart uses for the
 * same app theme: {@link FinancialTheme#Dark} or {@link FinancialTheme#Sand}) and the colours the pane's own layers
 * draw with, chosen to read on that plot background.
 *
 * <p>The pane follows the theme by looking at the text colour the theme gives its labels ({@link #of(Paint)}):
 * light text means a dark theme. That holds for AtlantaFX dark/light and for Modena, and it changes when the
 * user switches the theme, with no wiring from the shell.
 */
public enum PaneLook {
    DARK(FinancialTheme.Dark, Color.web("#26a69a"), Color.web("#ef5350"), Color.web("#90a4ae"), Color.web("#64b5f6"), Color.web("#ce93d8"),
            Color.web("#ffb74d"), Color.web("#e0e0e0"), Color.web("#b0bec5"), Color.web("#263238"), "rgb(47, 47, 47)"),
    LIGHT(FinancialTheme.Sand, Color.web("#138a36"), Color.web("#c62828"), Color.web("#546e7a"), Color.web("#1565c0"), Color.web("#6a1b9a"),
            Color.web("#ef6c00"), Color.web("#212121"), Color.web("#455a64"), Color.web("#eceff1"), "rgb(244, 244, 244)");

    /** The chart's financial theme (plot background, grid, candle colours). */
    public final FinancialTheme theme;
    /** Long / profitable. */
    public final Color up;
    /** Short / losing. */
    public final Color down;
    /** Neither (no-trade regions, level labels). */
    public final Color neutral;
    /** The entry of a mark in progress. */
    public final Color pending;
    /** Swing highs and lows (pivots). */
    public final Color swing;
    /** Local maxima and minima (extrema). */
    public final Color extremum;
    /** Text and outlines that must stand out (a selected annotation). */
    public final Color emphasis;
    /** Crosshair and hover lines. */
    public final Color guide;
    /** Background of the crosshair's price and time tags. */
    public final Color tag;
    /** The plot background of the financial theme (CSS), from which ChartFX derives its grid colours. */
    final String plot;

    PaneLook(FinancialTheme theme, Color up, Color down, Color neutral, Color pending, Color swing, Color extremum, Color emphasis, Color guide,
             Color tag, String plot) {
        this.theme = theme;
        this.up = up;
        this.down = down;
        this.neutral = neutral;
        this.pending = pending;
        this.swing = swing;
        this.extremum = extremum;
        this.emphasis = emphasis;
        this.guide = guide;
        this.tag = tag;
        this.plot = plot;
    }

    /** DARK when the theme writes labels in a light colour, else LIGHT. */
    public static PaneLook of(Paint labelText) {
        return labelText instanceof Color c && c.getBrightness() > 0.5 ? DARK : LIGHT;
    }
}
