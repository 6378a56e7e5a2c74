package org.concord.training.frames;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link WindowSource} over complete in-memory series of one symbol (bulk training over history). Same rule
 * as {@code DataProvider.multiTimeframe}: a window at {@code at} holds only bars whose close time is {@code <= at}.
 */
public final class SeriesWindowSource implements WindowSource {
    private final Symbol symbol;
    private final Map<Timeframe, BarSeries> series = new EnumMap<>(Timeframe.class);

    public SeriesWindowSource(Map<Timeframe, BarSeries> bySeries) {
        if (bySeries == null || bySeries.isEmpty()) {
            throw new IllegalArgumentException("at least one series is required");
        }
        Symbol s = null;
        for (Map.Entry<Timeframe, BarSeries> e : bySeries.entrySet()) {
            if (e.getValue().timeframe() != e.getKey()) {
                throw new IllegalArgumentException("series " + e.getValue() + " filed under " + e.getKey());
            }
            if (s != null && !s.equals(e.getValue().symbol())) {
                throw new IllegalArgumentException("series of different symbols: " + s + " and " + e.getValue().symbol());
            }
            s = e.getValue().symbol();
            series.put(e.getKey(), e.getValue());
        }
        this.symbol = s;
    }

    public Symbol symbol() {
        return symbol;
    }

    public BarSeries series(Timeframe tf) {
        BarSeries s = series.get(tf);
        if (s == null) {
            throw new IllegalArgumentException("no " + tf + " series for " + symbol);
        }
        return s;
    }

    @Override
    public Map<Timeframe, BarSeries> windows(Symbol sym, List<Timeframe> timeframes, long at, int limit) {
        check(sym);
        Map<Timeframe, BarSeries> out = new LinkedHashMap<>();
        for (Timeframe tf : timeframes) {
            BarSeries s = series(tf);
            int end = s.lowerBound(at - tf.millis() + 1); // bars [0,end) have openTime + tf <= at
            out.put(tf, s.copyRange(Math.max(0, end - limit), end));
        }
        return out;
    }

    @Override
    public BarSeries range(Symbol sym, Timeframe tf, long fromOpen, long toOpen, int limit) {
        check(sym);
        BarSeries s = series(tf);
        int lo = s.lowerBound(fromOpen);
        int hi = toOpen == Long.MAX_VALUE ? s.size() : s.lowerBound(toOpen + 1);
        hi = Math.max(lo, hi);
        return s.copyRange(Math.max(lo, hi - limit), hi);
    }

    private void check(Symbol sym) {
        if (!symbol.equals(sym)) {
            throw new IllegalArgumentException("this source holds " + symbol + ", not " + sym);
        }
    }
}
