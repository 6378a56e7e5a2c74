package org.concord.annotate.view;

import org.concord.annotate.chart.CandlePane;
import org.concord.annotate.chart.PaneBars;

/**
 * Keyboard navigation on the active pane: step the cursor one candle, page by a view, go to the oldest or newest
 * bars, zoom around the cursor, jump to a time. The other panes follow the cursor through {@link CursorSync}.
 */
public final class Navigation {
    private final CursorSync sync;
    private final HistoryLoader loader;

    public Navigation(CursorSync sync, HistoryLoader loader) {
        this.sync = sync;
        this.loader = loader;
    }

    /** Moves the cursor {@code n} candles (negative: left) on the active pane. */
    public void step(int n) {
        CandlePane p = sync.active();
        if (p == null || p.bars().isEmpty()) {
            return;
        }
        PaneBars b = p.bars();
        int i = sync.cursor() == Long.MIN_VALUE ? b.size() - 1 : b.nearestIndex(sync.cursor());
        int j = Math.max(0, Math.min(b.size() - 1, i + n));
        sync.setCursor(b.series().time(j), p);
        loader.pageIfNeeded(p);
    }

    /** Scrolls the active pane by {@code n} views and moves the cursor along. */
    public void page(int n) {
        CandlePane p = sync.active();
        if (p == null || !p.hasView()) {
            return;
        }
        double shift = n * p.span();
        p.setView(p.viewMin() + shift, p.viewMax() + shift);
        if (sync.cursor() != Long.MIN_VALUE && !p.bars().isEmpty()) {
            int j = p.bars().nearestIndex(sync.cursor() + (long) (shift * 1000));
            sync.setCursor(p.bars().series().time(j), p);
        }
    }

    /** The oldest bars (Home). */
    public void home() {
        CandlePane p = sync.active();
        if (p != null) {
            loader.loadOldest(p, () -> {
                if (!p.bars().isEmpty()) {
                    sync.setCursor(p.bars().firstTime(), p);
                }
            });
        }
    }

    /** The newest bars (End). */
    public void end() {
        CandlePane p = sync.active();
        if (p != null) {
            loader.loadLatest(p, () -> {
                if (!p.bars().isEmpty()) {
                    sync.setCursor(p.bars().lastTime(), p);
                }
            });
        }
    }

    /** Zooms the active pane around the cursor ({@code factor} &lt; 1 zooms in). */
    public void zoom(double factor) {
        CandlePane p = sync.active();
        if (p == null || !p.hasView()) {
            return;
        }
        double at = sync.cursor() == Long.MIN_VALUE || !p.shows(sync.cursor(), 1.0) ? (p.viewMin() + p.viewMax()) / 2 : sync.cursor() / 1000.0;
        PaneInput.zoom(p, at, factor);
    }

    /** Shows {@code timeMs} on every pane (jump to date). */
    public void jumpTo(long timeMs) {
        sync.setCursor(timeMs, null);
    }
}
