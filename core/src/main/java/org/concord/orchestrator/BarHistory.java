package org.concord.orchestrator;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.List;

/**
 * The bars the decision thread has dispatched, per symbol and timeframe, newest {@code cap} kept: what a module
 * (re-)enabled mid-run is warmed up with. Kept here rather than queried from the DataProvider because the decision
 * thread must never wait on the DataProvider's lock: a feed thread holding it may itself be waiting for room in the
 * decision queue. It also holds exactly what was dispatched (no bar the thread has not reached yet). Decision thread only.
 */
final class BarHistory {
    private final int cap;
    private final BarSeries[][] series;

    BarHistory(List<Symbol> symbols, int cap) {
        this.cap = cap;
        this.series = new BarSeries[symbols.size()][Timeframe.all().length];
        for (int s = 0; s < symbols.size(); s++) {
            for (Timeframe tf : Timeframe.all()) {
                series[s][tf.ordinal()] = new BarSeries(symbols.get(s), tf, 64);
            }
        }
    }

    /**
     * A dispatched bar. The DataProvider dispatches only bars newer than its cache, so one older than the newest held
     * means its session went back in time (a replay restarting at its first bar, a seek back) and cut its cache there:
     * history is cut there too. Left alone, a restarted replay's bars were all dropped as "older", and every window
     * of the instrument read the bars seeded at start, from the end of the stored data (a frame model threw "no closed
     * 5m bars" at every decision after a desk restart). The newest bar dispatched again (the seed's last one as the
     * feed takes over) is kept as first held.
     */
    void add(int symbol, LoopEvent e) {
        BarSeries b = series[symbol][e.tf.ordinal()];
        if (!b.isEmpty() && e.time <= b.lastTime()) {
            if (e.time == b.lastTime()) {
                return;
            }
            b.truncateFrom(e.time);
        }
        b.append(e.time, e.open, e.high, e.low, e.close, e.volume);
        if (b.size() >= 2 * cap) {
            b.dropFirst(b.size() - cap); // amortized: one copy per cap bars
        }
    }

    /**
     * Forgets the bars of {@code symbol} not closed by {@code time}, in every timeframe: its session restarted there
     * and they come again (the DataProvider's rule for its cache on a session reset).
     */
    void cutTo(int symbol, long time) {
        for (Timeframe tf : Timeframe.all()) {
            series[symbol][tf.ordinal()].truncateFrom(tf.floor(time));
        }
    }

    /** The newest {@code n} (at most {@code cap}) dispatched bars, oldest first (a copy). */
    BarSeries last(int symbol, Timeframe tf, int n) {
        BarSeries b = series[symbol][tf.ordinal()];
        int k = Math.min(Math.min(n, cap), b.size());
        return b.copyRange(b.size() - k, b.size());
    }

    /**
     * The newest {@code limit} dispatched bars of {@code tf} that closed at or before {@code at}, oldest first (a
     * copy): the same rule as {@code DataProvider.multiTimeframe}, over what this thread has seen.
     */
    BarSeries window(int symbol, Timeframe tf, long at, int limit) {
        BarSeries b = series[symbol][tf.ordinal()];
        int end = b.lowerBound(at - tf.millis() + 1); // bars [0, end) have openTime + tf <= at
        return b.copyRange(Math.max(0, end - Math.min(limit, cap)), end);
    }

    /** Adds bars read elsewhere (the DataProvider at start) that are newer than what is held; before dispatching starts. */
    void seed(int symbol, BarSeries bars) {
        BarSeries b = series[symbol][bars.timeframe().ordinal()];
        for (int i = 0; i < bars.size(); i++) {
            if (b.isEmpty() || bars.time(i) > b.lastTime()) {
                b.append(bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
            }
        }
        if (b.size() > cap) {
            b.dropFirst(b.size() - cap);
        }
    }
}
