package org.concord.annotate.view;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import org.concord.annotate.chart.CandlePane;

import java.util.List;

/**
 * One cursor time shared by every pane, the active pane (the one the keyboard steps on) and the pointer's time
 * (drawn as a hover line on the other panes). Setting the cursor on one pane shows the same instant on the
 * others: each moves its cursor line to the candle containing it and scrolls, or loads, to show it. FX thread only.
 */
public final class CursorSync {
    /** A pane scrolls when the cursor leaves the middle 80 % of its view. */
    static final double KEEP_VISIBLE = 0.8;

    private final List<CandlePane> panes;
    private final HistoryLoader loader;
    private final LongProperty cursor = new SimpleLongProperty(Long.MIN_VALUE);
    private final ObjectProperty<CandlePane> active = new SimpleObjectProperty<>();

    public CursorSync(List<CandlePane> panes, HistoryLoader loader) {
        this.panes = List.copyOf(panes);
        this.loader = loader;
    }

    public LongProperty cursorProperty() {
        return cursor;
    }

    public long cursor() {
        return cursor.get();
    }

    public ObjectProperty<CandlePane> activeProperty() {
        return active;
    }

    public CandlePane active() {
        return active.get();
    }

    public void setActive(CandlePane p) {
        active.set(p);
        for (CandlePane q : panes) {
            q.node().pseudoClassStateChanged(PseudoClass.getPseudoClass("active"), q == p);
        }
    }

    /**
     * Moves the cursor to {@code timeMs} on every pane. Panes other than {@code origin} scroll (or load) to show
     * it; {@code origin} scrolls only when it left the view (keyboard steps).
     */
    public void setCursor(long timeMs, CandlePane origin) {
        cursor.set(timeMs);
        for (CandlePane p : panes) {
            p.setCursor(timeMs);
            if (p == origin) {
                if (!p.shows(p.timeframe().floor(timeMs), 1.0)) {
                    show(p, timeMs);
                }
            } else if (!p.shows(p.timeframe().floor(timeMs), KEEP_VISIBLE)) {
                show(p, timeMs);
            }
        }
    }

    /**
     * Puts the cursor at {@code timeMs} on every pane without scrolling any: a symbol's first load puts it on the
     * active pane's newest candle while every pane shows (and keeps following) its own newest bars. Scrolling the
     * others to that instant left the 1s pane on the minute the tab opened, frozen there while the replay went on.
     */
    public void placeCursor(long timeMs) {
        cursor.set(timeMs);
        for (CandlePane p : panes) {
            p.setCursor(timeMs);
        }
    }

    /** Puts {@code timeMs} in the middle of {@code p}'s view, loading the bars around it when they are not loaded. */
    public void show(CandlePane p, long timeMs) {
        long t = p.timeframe().floor(timeMs);
        if (!p.bars().isEmpty() && t >= p.bars().firstTime() && t <= p.bars().lastTime()) {
            p.centerOn(t);
        } else if (!p.bars().isEmpty() || !loader.busy(p)) {
            loader.loadAround(p, t, () -> p.setCursor(cursor.get()));
        }
    }

    /**
     * The pointer is at {@code timeMs} over {@code origin} (Long.MIN_VALUE: it left): hover lines and readouts. Each
     * readout shows its candle holding the open time of the candle under the pointer (a candle is drawn centred on
     * its open time, so the pointer's own instant can lie just before it); once the pointer left, the newest candle.
     */
    public void hover(long timeMs, CandlePane origin) {
        long candle = timeMs;
        if (timeMs != Long.MIN_VALUE) {
            int i = origin.bars().nearestIndex(timeMs);
            candle = i < 0 ? timeMs : origin.bars().series().time(i);
        }
        for (CandlePane p : panes) {
            p.overlayLayer().setHoverTime(p == origin ? Long.MIN_VALUE : timeMs);
            p.showReadout(candle);
        }
    }
}
