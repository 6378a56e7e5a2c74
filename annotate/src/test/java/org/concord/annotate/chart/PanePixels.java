package org.concord.annotate.chart;

import atlantafx.base.theme.PrimerDark;
import javafx.application.Application;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.concord.model.BarSeries;

import java.util.List;

/**
 * What a person sees of a pane, judged from its pixels (call on the FX thread): which visible bars have a candle
 * drawn at their place, the plot background, the grid. Candles are told by the desk's candle colours
 * ({@link CandleColours}), which the panes and the live chart share in either theme.
 */
public final class PanePixels {
    /** Long and short candles (bodies and wicks), the live chart's colours in either theme ({@link CandleColours}). */
    public static final List<Color> CANDLE = List.of(Color.rgb(CandleColours.LONG_RGB >> 16, (CandleColours.LONG_RGB >> 8) & 0xff, CandleColours.LONG_RGB & 0xff),
            Color.rgb(CandleColours.SHORT_RGB >> 16, (CandleColours.SHORT_RGB >> 8) & 0xff, CandleColours.SHORT_RGB & 0xff));

    private PanePixels() {
    }

    /** The app's default theme, AtlantaFX Primer dark (call before the scene is shown; {@link #modena()} undoes it). */
    public static void primerDark() {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    }

    public static void modena() {
        Application.setUserAgentStylesheet(null);
    }

    /** Fraction of the bars inside the view that have candle-coloured pixels in their own column (±1 px); 1 when none is visible. */
    public static double drawnFraction(CandlePane p) {
        WritableImage img = canvas(p);
        PixelReader r = img.getPixelReader();
        BarSeries s = p.bars().series();
        int visible = 0;
        int drawn = 0;
        for (int i = 0; i < s.size(); i++) {
            double x = p.canvasX(s.time(i));
            if (x < 2 || x > img.getWidth() - 3) {
                continue;
            }
            visible++;
            if (candleColumn(r, (int) Math.round(x), (int) img.getHeight())) {
                drawn++;
            }
        }
        return visible == 0 ? 1 : (double) drawn / visible;
    }

    /** Why {@link #drawnFraction} is low: the visible bars without candle pixels, and the price range (for failure messages). */
    public static String undrawn(CandlePane p) {
        WritableImage img = canvas(p);
        PixelReader r = img.getPixelReader();
        BarSeries s = p.bars().series();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            double x = p.canvasX(s.time(i));
            if (x >= 2 && x <= img.getWidth() - 3 && !candleColumn(r, (int) Math.round(x), (int) img.getHeight())) {
                sb.append(String.format(java.util.Locale.ROOT, " [t=%d x=%.1f o=%s h=%s l=%s c=%s]", s.time(i), x, s.open(i), s.high(i), s.low(i), s.close(i)));
            }
        }
        return "undrawn:" + sb + "; price axis " + p.yAxis().getMin() + ".." + p.yAxis().getMax() + ", view " + p.viewMin() + ".." + p.viewMax()
                + ", canvas " + img.getWidth() + "×" + img.getHeight();
    }

    /** Bars whose open time lies inside the pane's view. */
    public static int visibleBars(CandlePane p) {
        return p.bars().countIn((long) Math.ceil(p.viewMin() * 1000), (long) (p.viewMax() * 1000));
    }

    private static boolean candleColumn(PixelReader r, int x, int h) {
        for (int dx = -1; dx <= 1; dx++) {
            for (int y = 0; y < h; y++) {
                if (isCandle(r.getColor(x + dx, y))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A pixel of a candle: its colour (not premultiplied) one of the candle colours; thin wicks are anti-aliased, so half covered counts. */
    static boolean isCandle(Color c) {
        if (c.getOpacity() < 0.3) {
            return false;
        }
        for (Color k : CANDLE) {
            if (distance(c, k) < 0.12) {
                return true;
            }
        }
        return false;
    }

    static double distance(Color a, Color b) {
        double dr = a.getRed() - b.getRed();
        double dg = a.getGreen() - b.getGreen();
        double db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    /** The pane's canvas (candles, grid, volume: what the renderers drew) on a transparent background. */
    public static WritableImage canvas(CandlePane p) {
        SnapshotParameters sp = new SnapshotParameters();
        sp.setFill(Color.TRANSPARENT);
        return p.chart().getCanvas().snapshot(sp, null);
    }

    /** The whole chart as it shows (background, axes, layers), and the canvas's place in it. */
    public static WritableImage chart(CandlePane p) {
        return p.chart().snapshot(null, null);
    }
}
