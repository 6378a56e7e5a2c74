package org.concord.acceptance;

import org.concord.annotate.chart.CandleColours;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** How the suite judges what a person sees: candle and marker pixels in a chart's plot area, and the text on screen. */
final class Judge {
    /** Raw numbers a person should never read: NaN, infinities, scientific notation, epoch seconds or milliseconds. */
    static final Pattern RAW = Pattern.compile("\\bNaN\\b|Infinity|∞|\\d\\.\\d+E[+-]?\\d+|\\b1[2-9]\\d{8}(\\.\\d+)?\\b|\\b1[2-9]\\d{11}\\b");

    private Judge() {
    }

    /** Pixel columns inside {@code r} that hold a candle body or wick colour. */
    static int candleColumns(BufferedImage img, SceneView.Rect r) {
        int columns = 0;
        int x1 = Math.min(img.getWidth(), r.x() + r.w());
        int y1 = Math.min(img.getHeight(), r.y() + r.h());
        for (int x = Math.max(0, r.x()); x < x1; x++) {
            for (int y = Math.max(0, r.y()); y < y1; y++) {
                if (CandleColours.isCandle(img.getRGB(x, y) & 0xffffff)) {
                    columns++;
                    break;
                }
            }
        }
        return columns;
    }

    /** Pixels inside {@code r} of colour {@code rgb}, to a small tolerance for anti-aliasing (a marker's colour). */
    static int pixelsOf(BufferedImage img, SceneView.Rect r, int rgb) {
        int n = 0;
        int x1 = Math.min(img.getWidth(), r.x() + r.w());
        int y1 = Math.min(img.getHeight(), r.y() + r.h());
        for (int x = Math.max(0, r.x()); x < x1; x++) {
            for (int y = Math.max(0, r.y()); y < y1; y++) {
                if (near(img.getRGB(x, y), rgb)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean near(int p, int rgb) {
        return Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 16 && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 16
                && Math.abs((p & 0xff) - (rgb & 0xff)) <= 16;
    }

    /**
     * The centre {x, y} of the leftmost mark of colour {@code rgb} inside {@code r}: the mean of its pixels within 8 px
     * of the first one found (a marker is a few pixels across).
     */
    static int[] centreOf(BufferedImage img, SceneView.Rect r, int rgb) {
        int x1 = Math.min(img.getWidth(), r.x() + r.w());
        int y1 = Math.min(img.getHeight(), r.y() + r.h());
        for (int x = Math.max(0, r.x()); x < x1; x++) {
            for (int y = Math.max(0, r.y()); y < y1; y++) {
                if (near(img.getRGB(x, y), rgb)) {
                    long sx = 0;
                    long sy = 0;
                    int n = 0;
                    for (int u = x; u < Math.min(x1, x + 16); u++) {
                        for (int w = Math.max(r.y(), y - 8); w < Math.min(y1, y + 9); w++) {
                            if (near(img.getRGB(u, w), rgb)) {
                                sx += u;
                                sy += w;
                                n++;
                            }
                        }
                    }
                    return new int[] {(int) Math.round((double) sx / n), (int) Math.round((double) sy / n)};
                }
            }
        }
        throw new AssertionError("no pixel of #" + Integer.toHexString(rgb) + " in " + r);
    }

    /**
     * Pixels inside {@code r} far in brightness from its most common colour: a label's letters on its box. An empty box
     * has none.
     */
    static int inkPixels(BufferedImage img, SceneView.Rect r) {
        int x1 = Math.min(img.getWidth(), r.x() + r.w());
        int y1 = Math.min(img.getHeight(), r.y() + r.h());
        Map<Integer, Integer> counts = new HashMap<>();
        for (int x = Math.max(0, r.x()); x < x1; x++) {
            for (int y = Math.max(0, r.y()); y < y1; y++) {
                counts.merge(img.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return 0;
        }
        int box = luma(counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        return counts.entrySet().stream().filter(e -> Math.abs(luma(e.getKey()) - box) > 80).mapToInt(Map.Entry::getValue).sum();
    }

    private static int luma(int rgb) {
        return (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
    }

    /** Pixels that differ between two screenshots inside {@code r} (a moving switch thumb, a redraw). */
    static int changedPixels(BufferedImage a, BufferedImage b, SceneView.Rect r) {
        int n = 0;
        int x1 = Math.min(Math.min(a.getWidth(), b.getWidth()), r.x() + r.w());
        int y1 = Math.min(Math.min(a.getHeight(), b.getHeight()), r.y() + r.h());
        for (int x = Math.max(0, r.x()); x < x1; x++) {
            for (int y = Math.max(0, r.y()); y < y1; y++) {
                if ((a.getRGB(x, y) & 0xffffff) != (b.getRGB(x, y) & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Rendered texts cut to "…" although their label holds more (what a person cannot read in full). */
    static List<String> truncated(SceneView v) {
        List<String> out = new ArrayList<>();
        for (SceneView.Item i : v.items()) {
            if (i.text() != null && i.full() != null && cutFrom(i.text(), i.full())) {
                out.add("'" + i.text() + "' (full: '" + i.full() + "')" + (i.id() != null ? " #" + i.id() : ""));
            }
        }
        return out;
    }

    /**
     * True when {@code shown} is {@code full} cut with an ellipsis (JavaFX's "..." by default, some skins' "…"; at the
     * end, or in the middle for a centre ellipsis): what is left on either side of it is full's start and end. A text
     * the skin has not re-rendered yet (a label still showing "Loading…" while it holds "showing BTCUSD") is not a cut.
     */
    static boolean cutFrom(String shown, String full) {
        if (shown.equals(full)) {
            return false;
        }
        for (String ellipsis : new String[] {"…", "..."}) {
            int at = shown.indexOf(ellipsis);
            if (at >= 0) {
                String head = shown.substring(0, at).strip();
                String tail = shown.substring(at + ellipsis.length()).strip();
                return full.startsWith(head) && full.endsWith(tail) && full.length() > head.length() + tail.length();
            }
        }
        return false;
    }

    /** Rendered texts that show a raw number (NaN, Infinity, 1.38E9, an epoch time). */
    static List<String> rawNumbers(SceneView v) {
        List<String> out = new ArrayList<>();
        for (SceneView.Item i : v.items()) {
            String t = i.shownText();
            if (t != null && RAW.matcher(t).find()) {
                out.add("'" + t + "'" + (i.id() != null ? " #" + i.id() : "") + " (" + i.type() + ")");
            }
        }
        return out;
    }
}
