package org.concord.annotate.chart;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

/**
 * The bars one pane has loaded (a window of history that grows as the user pages left or right): an immutable
 * snapshot replaced on every change, so the renderer never sees a half-merged series. FX thread only.
 */
public final class PaneBars {
    /** Most bars a pane keeps; beyond it the far side of a page is dropped. */
    public static final int MAX_BARS = 40_000;

    private final Symbol symbol;
    private final Timeframe tf;
    private BarSeries bars;
    private boolean exhaustedLeft;
    private boolean exhaustedRight;

    public PaneBars(Symbol symbol, Timeframe tf) {
        this.symbol = symbol;
        this.tf = tf;
        this.bars = new BarSeries(symbol, tf, 1);
    }

    public BarSeries series() {
        return bars;
    }

    public Timeframe timeframe() {
        return tf;
    }

    public int size() {
        return bars.size();
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    public long firstTime() {
        return bars.time(0);
    }

    public long lastTime() {
        return bars.lastTime();
    }

    /** True when paging left found nothing older. */
    public boolean exhaustedLeft() {
        return exhaustedLeft;
    }

    public boolean exhaustedRight() {
        return exhaustedRight;
    }

    /** New bars may have closed since paging right found nothing (a live feed): allow paging right again. */
    public void moreOnTheRight() {
        exhaustedRight = false;
    }

    /** Replaces everything (a symbol change or a jump): paging may find more on both sides again. */
    public void replace(BarSeries s) {
        bars = s.copy();
        exhaustedLeft = false;
        exhaustedRight = false;
    }

    /** Adds a page of older bars (those at or after the first loaded bar are ignored); an empty page ends paging left. */
    public void prepend(BarSeries older) {
        int n = older.lowerBound(bars.isEmpty() ? Long.MAX_VALUE : bars.time(0));
        if (n == 0) {
            exhaustedLeft = true;
            return;
        }
        bars = merge(older, 0, n, bars, 0, bars.size());
        if (bars.size() > MAX_BARS) {
            bars = bars.copyRange(0, MAX_BARS);
            exhaustedRight = false;
        }
    }

    /** Adds a page of newer bars (those at or before the last loaded bar are ignored); an empty page ends paging right. */
    public void append(BarSeries newer) {
        int from = bars.isEmpty() ? 0 : newer.lowerBound(bars.lastTime() + 1);
        if (from == newer.size()) {
            exhaustedRight = true;
            return;
        }
        bars = merge(bars, 0, bars.size(), newer, from, newer.size());
        if (bars.size() > MAX_BARS) {
            bars = bars.copyRange(bars.size() - MAX_BARS, bars.size());
            exhaustedLeft = false;
        }
    }

    private BarSeries merge(BarSeries a, int a0, int a1, BarSeries b, int b0, int b1) {
        BarSeries out = new BarSeries(symbol, tf, Math.max(1, a1 - a0 + b1 - b0));
        for (int i = a0; i < a1; i++) {
            out.append(a.time(i), a.open(i), a.high(i), a.low(i), a.close(i), a.volume(i));
        }
        for (int i = b0; i < b1; i++) {
            out.append(b.time(i), b.open(i), b.high(i), b.low(i), b.close(i), b.volume(i));
        }
        return out;
    }

    /** Index of the bar whose open time is nearest to {@code timeMs} (ties: the earlier), or -1 when empty. */
    public int nearestIndex(long timeMs) {
        if (bars.isEmpty()) {
            return -1;
        }
        int i = bars.lowerBound(timeMs);
        if (i == bars.size()) {
            return i - 1;
        }
        if (i == 0 || bars.time(i) == timeMs) {
            return i;
        }
        return timeMs - bars.time(i - 1) <= bars.time(i) - timeMs ? i - 1 : i;
    }

    /** Index of the bar containing {@code timeMs} or the last one before it, -1 when none. */
    public int indexAtOrBefore(long timeMs) {
        int i = bars.lowerBound(timeMs + 1);
        return i - 1;
    }

    /** [low, high] over bars with open time in [fromMs, toMs], or null when none is there. */
    public double[] lowHigh(long fromMs, long toMs) {
        int i = bars.lowerBound(fromMs);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (; i < bars.size() && bars.time(i) <= toMs; i++) {
            lo = Math.min(lo, bars.low(i));
            hi = Math.max(hi, bars.high(i));
        }
        return lo > hi ? null : new double[] {lo, hi};
    }

    /** Bars with open time in [fromMs, toMs]. */
    public int countIn(long fromMs, long toMs) {
        return Math.max(0, bars.lowerBound(toMs + 1) - bars.lowerBound(fromMs));
    }
}
