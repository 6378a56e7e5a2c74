package org.concord.data;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

/** Where the DataProvider backfills closed bars it lacks (e.g. Binance REST klines). May block on I/O. */
public interface HistorySource {
    /** Closed bars with open time in {@code [from, to]}, oldest first; empty when the source has none. */
    BarSeries fetch(Symbol symbol, Timeframe tf, long from, long to);
}
