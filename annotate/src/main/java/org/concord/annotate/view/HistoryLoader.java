package org.concord.annotate.view;

import org.concord.annotate.Background;
import org.concord.annotate.chart.CandlePane;
import org.concord.annotate.chart.PaneBars;
import org.concord.data.DataProvider;
import org.concord.store.Direction;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Loads each pane's bars through {@link DataProvider#bars(Symbol, Timeframe, long, long, int, Direction)} on the
 * workspace's background thread: the latest bars, the bars around a time (a jump), the oldest (Home), and pages of
 * history as the view nears an edge of what is loaded (LATEST / BEFORE / AFTER). One request per pane at a time;
 * a result for a symbol or jump that has been superseded is dropped.
 */
public final class HistoryLoader {
    /** Bars fetched by a fresh load and by each page. */
    public static final int INITIAL = 1_500;
    public static final int PAGE = 1_500;

    private final DataProvider data;
    private final Background bg;
    private final Consumer<CandlePane> onLoaded;
    private final BooleanSupplier holdView;
    private final Map<CandlePane, int[]> generation = new IdentityHashMap<>();
    private final Map<CandlePane, Boolean> paging = new IdentityHashMap<>();
    private final Map<CandlePane, Integer> latestInFlight = new IdentityHashMap<>();
    /** Panes told of a bar close while a request was in flight: that request may have read the store before it. */
    private final Set<CandlePane> closedWhileBusy = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * @param onLoaded told (FX thread) after a pane's bars changed
     * @param holdView true while a person places marks (annotate mode): then a view showing the newest bar does not
     *                 follow new ones, so candles do not slide under the pointer between E and X
     */
    public HistoryLoader(DataProvider data, Background bg, Consumer<CandlePane> onLoaded, BooleanSupplier holdView) {
        this.data = data;
        this.bg = bg;
        this.onLoaded = onLoaded;
        this.holdView = holdView;
    }

    private int next(CandlePane p) {
        paging.put(p, false);
        return ++generation.computeIfAbsent(p, k -> new int[1])[0];
    }

    private boolean current(CandlePane p, int gen, Symbol s) {
        return generation.get(p)[0] == gen && p.symbol().equals(s);
    }

    /** The newest bars; the view shows the last {@link CandlePane#DEFAULT_CANDLES}. */
    public void loadLatest(CandlePane p, Runnable then) {
        int gen = next(p);
        Symbol s = p.symbol();
        Timeframe tf = p.timeframe();
        latestInFlight.merge(p, 1, Integer::sum);
        bg.run("loading " + s + " " + tf, () -> data.bars(s, tf, Long.MIN_VALUE, Long.MAX_VALUE, INITIAL, Direction.LATEST), bars -> {
            latestInFlight.merge(p, -1, Integer::sum);
            if (current(p, gen, s)) {
                replace(p, bars, true);
                then.run();
                catchUp(p);
            }
        }, () -> latestInFlight.merge(p, -1, Integer::sum));
    }

    /**
     * Loads the newest bars of a pane that has none (its timeframe had no closed bar when it loaded: a 1d pane at
     * the start of a replay), unless such a load is already on its way. Paging only extends what is loaded, so
     * without this an empty pane stayed empty however many bars closed after.
     */
    public void fillIfEmpty(CandlePane p, Runnable then) {
        if (p.bars().isEmpty() && latestInFlight.getOrDefault(p, 0) == 0) {
            loadLatest(p, then);
        }
    }

    /**
     * Bars of {@code p}'s timeframe closed (a live feed): the pane may page right again, now or, when a request is in
     * flight, once it is back. Without the second part a close that came while a page was in flight was lost when
     * that page (read before the close) came back empty and ended paging right: the pane stayed behind until the
     * next close, an hour later on a 1h pane.
     */
    public void barsClosed(CandlePane p) {
        p.bars().moreOnTheRight();
        if (busy(p) || latestInFlight.getOrDefault(p, 0) > 0) {
            closedWhileBusy.add(p);
        }
        fillIfEmpty(p, () -> { });
        pageIfNeeded(p);
    }

    /** After a request came back: a close it may have missed lets the pane page right again. */
    private void catchUp(CandlePane p) {
        if (closedWhileBusy.remove(p)) {
            p.bars().moreOnTheRight();
        }
        pageIfNeeded(p);
    }

    /** The oldest bars (Home); the view shows the first candles. */
    public void loadOldest(CandlePane p, Runnable then) {
        int gen = next(p);
        Symbol s = p.symbol();
        Timeframe tf = p.timeframe();
        bg.run("loading the oldest " + s + " " + tf, () -> data.bars(s, tf, Long.MIN_VALUE, Long.MAX_VALUE, INITIAL, Direction.AFTER), bars -> {
            if (current(p, gen, s)) {
                replace(p, bars, false);
                then.run();
            }
        });
    }

    /** Bars on both sides of {@code timeMs}, centred on it (jump to a date, a cursor far from what is loaded). */
    public void loadAround(CandlePane p, long timeMs, Runnable then) {
        int gen = next(p);
        Symbol s = p.symbol();
        Timeframe tf = p.timeframe();
        bg.run("loading " + s + " " + tf + " around " + timeMs, () -> {
            BarSeries before = data.bars(s, tf, Long.MIN_VALUE, timeMs, INITIAL / 2, Direction.LATEST);
            BarSeries after = data.bars(s, tf, timeMs, Long.MAX_VALUE, INITIAL / 2, Direction.AFTER);
            PaneBars merged = new PaneBars(s, tf);
            merged.replace(before);
            merged.append(after);
            return merged.series();
        }, bars -> {
            if (current(p, gen, s)) {
                p.bars().replace(bars);
                p.showBars();
                p.centerOn(tf.floor(timeMs));
                onLoaded.accept(p);
                then.run();
            }
        });
    }

    /** Shows {@code bars} in place of what {@code p} had: its newest candles ({@code newest}) or its oldest. */
    private void replace(CandlePane p, BarSeries bars, boolean newest) {
        p.bars().replace(bars);
        p.showBars();
        if (!bars.isEmpty()) {
            if (newest) {
                p.showNewest();
            } else {
                double c = p.timeframe().millis() / 1000.0;
                double span = p.hasView() ? p.span() : p.defaultSpan();
                double first = bars.time(0) / 1000.0;
                p.setView(first - c, first - c + span);
            }
        }
        onLoaded.accept(p);
    }

    /** True while a page or load for {@code p} is in flight. */
    public boolean busy(CandlePane p) {
        return Boolean.TRUE.equals(paging.get(p));
    }

    /** Asks for the next page when the view is within half a view of either end of what is loaded. */
    public void pageIfNeeded(CandlePane p) {
        PaneBars b = p.bars();
        if (b.isEmpty() || !p.hasView() || busy(p)) {
            return;
        }
        double halfView = p.span() * 500; // ms
        if (!b.exhaustedLeft() && p.viewMin() * 1000 < b.firstTime() + halfView) {
            pageLeft(p);
        } else if (!b.exhaustedRight() && p.viewMax() * 1000 > b.lastTime() - halfView) {
            pageRight(p);
        }
    }

    private void pageLeft(CandlePane p) {
        int gen = generation.computeIfAbsent(p, k -> new int[1])[0];
        paging.put(p, true);
        Symbol s = p.symbol();
        Timeframe tf = p.timeframe();
        long first = p.bars().firstTime();
        bg.run("paging " + s + " " + tf + " history", () -> {
            // a bounded range first (lets the provider backfill from its history source), then anything older
            long from = first - PAGE * tf.millis();
            BarSeries page = data.bars(s, tf, from, first, PAGE, Direction.BEFORE);
            return page.isEmpty() ? data.bars(s, tf, Long.MIN_VALUE, first, PAGE, Direction.BEFORE) : page;
        }, page -> {
            if (current(p, gen, s)) {
                paging.put(p, false);
                p.bars().prepend(page);
                p.showBars();
                onLoaded.accept(p);
                catchUp(p);
            }
        }, () -> paging.put(p, false));
    }

    private void pageRight(CandlePane p) {
        int gen = generation.computeIfAbsent(p, k -> new int[1])[0];
        paging.put(p, true);
        Symbol s = p.symbol();
        Timeframe tf = p.timeframe();
        long last = p.bars().lastTime();
        bg.run("paging " + s + " " + tf + " forward", () -> data.bars(s, tf, last, Long.MAX_VALUE, PAGE, Direction.AFTER), page -> {
            if (current(p, gen, s)) {
                paging.put(p, false);
                // a view that showed the newest bar follows the new ones (a live chart)
                boolean follow = p.hasView() && !page.isEmpty() && p.viewMax() * 1000 >= last && !holdView.getAsBoolean();
                p.bars().append(page);
                p.showBars();
                if (follow) {
                    double shift = (p.bars().lastTime() - last) / 1000.0;
                    p.setView(p.viewMin() + shift, p.viewMax() + shift);
                }
                onLoaded.accept(p);
                catchUp(p);
            }
        }, () -> paging.put(p, false));
    }
}
