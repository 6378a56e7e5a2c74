package org.concord.data;

import org.concord.model.Bar;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.EnumMap;
import java.util.Map;

/** Per-symbol ingest state of the DataProvider; guarded by its own monitor. */
final class SymbolState {
    final Symbol symbol;
    private final DataProvider provider;
    final SeriesCache[] caches = new SeriesCache[Timeframe.values().length];
    final Bar[] forming = new Bar[Timeframe.values().length];
    final Object backfillLock = new Object();
    final Map<Timeframe, Long> backfilledFrom = new EnumMap<>(Timeframe.class);
    TradeAggregator aggregator;
    boolean feedBars;
    long clock = Long.MIN_VALUE;
    /** Whether a gap's missing bars include weekends (learnt from this market's bars). */
    final GapRule gaps = new GapRule();
    /** Events for the listeners, delivered after the lock is released. */
    final SymbolEvents events = new SymbolEvents();

    SymbolState(Symbol symbol, DataProvider provider) {
        this.symbol = symbol;
        this.provider = provider;
        newAggregator();
    }

    void newAggregator() {
        aggregator = new TradeAggregator(symbol, new BarListener() {
            @Override
            public void onBarUpdate(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
                provider.onAggregatedUpdate(SymbolState.this, tf, t, o, h, l, c, v);
            }

            @Override
            public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
                provider.onAggregatedClose(SymbolState.this, tf, t, o, h, l, c, v);
            }
        }).publishUpdates(provider.updateTimeframes());
    }
}
