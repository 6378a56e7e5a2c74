package org.concord.app.live;

import org.concord.app.shell.FxPulse;
import org.concord.app.shell.Presenters;
import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.chart.ChartOverlay;
import org.concord.data.BarListener;
import org.concord.data.DataProvider;
import org.concord.engine.OverlayTopics;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.OrchestratorTopics;
import org.concord.store.Direction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live chart's model. History comes from a DataProvider query on the presenter thread; bar closes and
 * forming-bar updates of the selected symbol/timeframe arrive on the feed thread and are merged by time; decisions
 * and overlays come from the bus. Every 16 ms at most one {@link LiveDelta} is offered to the FX pulse, holding
 * only what changed (the chart appends or replaces the last bar, never copies its history per pulse).
 *
 * <p>A decision's marker sits on the candle of the chart's timeframe that holds the decision (a 1m decision on a 1d chart
 * marks its day): markers are kept at their decision bar's time and put on the chart's candles when sent. One candle
 * shows one marker, the latest side change in it (its label is that decision's); the earlier ones are on a shorter
 * timeframe's chart. A day holds dozens of 1m side changes: stacked diamonds would hide the candle.
 */
public final class LivePresenter implements AutoCloseable {
    public static final int HISTORY_LIMIT = 100_000;
    private static final int MAX_MARKERS = 20_000;
    private final DataProvider data;
    private final Presenters presenters;
    private final FxPulse.Slot<LiveDelta> slot = new FxPulse.Slot<>();
    private final List<Subscription> subs = new ArrayList<>();
    /**
     * Each symbol's marked decisions, guarded by this. Kept per symbol: one list sent the previous symbol's markers with
     * the next symbol's history (a symbol without bars showed BTCUSD's diamonds under its own title).
     */
    private final Map<Symbol, Deque<LiveDelta.Marker>> decisions = new HashMap<>();
    private final AtomicLong decisionCount = new AtomicLong();
    private final SideChanges sides = new SideChanges();
    // pending, guarded by this
    private volatile Symbol symbol;
    private volatile Timeframe timeframe;
    private long generation;
    private BarSeries reload;
    private final TreeMap<Long, double[]> upserts = new TreeMap<>();
    private final List<LiveDelta.Marker> newMarkers = new ArrayList<>();
    /** Each symbol's latest overlay, guarded by this: a switch shows the new symbol's levels, never the old one's. */
    private final Map<Symbol, ChartOverlay> overlays = new HashMap<>();
    private boolean pending;
    private long lastTime = Long.MIN_VALUE;

    public LivePresenter(DataProvider data, EventBus bus, Presenters presenters, Symbol symbol, Timeframe timeframe) {
        if (data == null || bus == null || presenters == null || symbol == null || timeframe == null) {
            throw new IllegalArgumentException("data, bus, presenters, symbol and timeframe are required");
        }
        this.data = data;
        this.presenters = presenters;
        this.symbol = symbol;
        this.timeframe = timeframe;
        BarListener bars = new BarListener() {
            @Override
            public void onBarUpdate(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
                onBar(s, tf, t, o, h, l, c, v);
            }

            @Override
            public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
                onBar(s, tf, t, o, h, l, c, v);
            }

            @Override
            public void onSessionReset(Symbol s, long time) {
                restart(s);
            }
        };
        subs.add(data.subscribeBarCloses(bars));
        subs.add(data.subscribeBarUpdates(bars));
        subs.add(bus.subscribe(OrchestratorTopics.DECISIONS, this::onDecision));
        subs.add(bus.subscribe(OverlayTopics.OVERLAYS, this::onOverlay));
        presenters.every(16, this::publishIfPending);
        select(symbol, timeframe);
    }

    public FxPulse.Slot<LiveDelta> slot() {
        return slot;
    }

    public Symbol symbol() {
        return symbol;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    /** Decisions seen (for decisions/s in the status bar). */
    public long decisionCount() {
        return decisionCount.get();
    }

    /** Shows {@code s}/{@code tf}: history is queried on the presenter thread, then live updates follow. */
    public void select(Symbol s, Timeframe tf) {
        long gen;
        synchronized (this) {
            symbol = s;
            timeframe = tf;
            gen = reloadLocked();
        }
        presenters.run(() -> load(gen));
    }

    private long reloadLocked() {
        upserts.clear();
        lastTime = Long.MIN_VALUE;
        return ++generation;
    }

    private void load(long gen) {
        Symbol s = symbol;
        Timeframe tf = timeframe;
        BarSeries history = data.bars(s, tf, Long.MIN_VALUE, Long.MAX_VALUE, HISTORY_LIMIT, Direction.LATEST);
        synchronized (this) {
            if (gen != generation) {
                return; // another selection came in meanwhile
            }
            reload = history;
            // live bars that arrived during the query and are older than its end are in it already
            if (!history.isEmpty()) {
                upserts.headMap(history.lastTime(), false).clear();
                lastTime = Math.max(lastTime, history.lastTime());
            }
            newMarkers.clear();
            newMarkers.addAll(decisions.getOrDefault(s, new ArrayDeque<>()));
            pending = true;
        }
    }

    private void onBar(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
        if (tf != timeframe || !s.equals(symbol)) {
            return;
        }
        boolean restart;
        synchronized (this) {
            // a replay that loops or seeks back restarts its timeline: reload the history instead of patching
            restart = lastTime != Long.MIN_VALUE && t < lastTime - 2 * tf.millis();
            if (!restart) {
                upserts.put(t, new double[] {o, h, l, c, v});
                lastTime = Math.max(lastTime, t);
                pending = true;
            }
        }
        if (restart) {
            restart(s);
        }
    }

    /**
     * {@code s}'s timeline restarted (a replay sought back or looped): its markers and levels go and, if it is shown,
     * the history is read again. On a session reset this happens at once, not only when the symbol's next bar arrives
     * (an ETHUSD 5m or AAPL daily bar can be hours of replay time away), so the chart never shows bars the data went
     * back before.
     * What is shown is left as the person chose it: a selection made meanwhile wins.
     */
    private void restart(Symbol s) {
        long gen;
        sides.reset(s);
        synchronized (this) {
            decisions.remove(s);
            overlays.remove(s); // the old timeline's levels; the next overlay is the new one's
            if (!s.equals(symbol)) {
                return;
            }
            gen = reloadLocked();
        }
        presenters.run(() -> load(gen));
    }

    private void onDecision(Decision d) {
        decisionCount.incrementAndGet();
        if (!sides.marks(d.symbol(), d.action())) {
            return;
        }
        LiveDelta.Marker m = new LiveDelta.Marker(d.timeframe().floor(d.time() - 1), d.price(), d.action() == Action.BUY, d.confidence(),
                MarkerTexts.decision(d));
        synchronized (this) {
            Deque<LiveDelta.Marker> marks = decisions.computeIfAbsent(d.symbol(), k -> new ArrayDeque<>());
            marks.addLast(m);
            if (marks.size() > MAX_MARKERS) {
                marks.removeFirst();
            }
            if (d.symbol().equals(symbol)) {
                newMarkers.add(m);
                pending = true;
            }
        }
    }

    private synchronized void onOverlay(ChartOverlay o) {
        overlays.put(o.symbol(), o);
        if (o.symbol().equals(symbol)) {
            pending = true;
        }
    }

    private void publishIfPending() {
        LiveDelta d;
        synchronized (this) {
            if (!pending) {
                return;
            }
            pending = false;
            long[] times = new long[upserts.size()];
            double[] ohlcv = new double[upserts.size() * 5];
            int i = 0;
            for (Map.Entry<Long, double[]> e : upserts.entrySet()) {
                times[i] = e.getKey();
                System.arraycopy(e.getValue(), 0, ohlcv, i * 5, 5);
                i++;
            }
            upserts.clear();
            LiveDelta previous = slot.take(); // not applied yet: fold it into this one so nothing is lost
            d = merge(previous, new LiveDelta(symbol, timeframe, reload, times, ohlcv, onCandles(newMarkers, timeframe), reload != null,
                    overlays.get(symbol)));
            reload = null;
            newMarkers.clear();
        }
        slot.offer(d);
    }

    /**
     * The markers put on {@code tf}'s candles: each at the open time of the candle holding its decision bar, and of
     * several in one candle only the latest (markers come oldest first). The decision's rounding alone left a 1m
     * decision between the day candles of a 1d chart, where no candle's low or high could place it.
     */
    static List<LiveDelta.Marker> onCandles(List<LiveDelta.Marker> markers, Timeframe tf) {
        List<LiveDelta.Marker> out = new ArrayList<>(markers.size());
        for (LiveDelta.Marker m : markers) {
            long t = tf.floor(m.time());
            LiveDelta.Marker on = t == m.time() ? m : new LiveDelta.Marker(t, m.price(), m.buy(), m.confidence(), m.label());
            if (!out.isEmpty() && out.get(out.size() - 1).time() == t) {
                out.set(out.size() - 1, on);
            } else {
                out.add(on);
            }
        }
        return out;
    }

    private static LiveDelta merge(LiveDelta a, LiveDelta b) {
        if (a == null || b.reload() != null) {
            return b;
        }
        long[] t = Arrays.copyOf(a.times(), a.times().length + b.times().length);
        System.arraycopy(b.times(), 0, t, a.times().length, b.times().length);
        double[] v = Arrays.copyOf(a.ohlcv(), a.ohlcv().length + b.ohlcv().length);
        System.arraycopy(b.ohlcv(), 0, v, a.ohlcv().length, b.ohlcv().length);
        List<LiveDelta.Marker> m = new ArrayList<>(a.markers());
        m.addAll(b.markers());
        return new LiveDelta(b.symbol(), b.timeframe(), a.reload(), t, v, onCandles(m, b.timeframe()), a.resetMarkers(),
                b.overlay() != null ? b.overlay() : a.overlay());
    }

    @Override
    public void close() {
        subs.forEach(Subscription::close);
    }
}
