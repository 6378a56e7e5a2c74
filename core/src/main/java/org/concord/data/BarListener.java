package org.concord.data;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;

/**
 * Receives bar events with primitive arguments so that the aggregation hot path never allocates.
 * Called on the thread that feeds the aggregator.
 */
public interface BarListener {
    /** A still-forming bar changed (only for timeframes the aggregator publishes updates for). */
    default void onBarUpdate(Symbol symbol, Timeframe tf, long openTime,
                             double open, double high, double low, double close, double volume) {
    }

    /** A bar closed: its values are final. Closes of one instant arrive shortest timeframe first. */
    void onBarClose(Symbol symbol, Timeframe tf, long openTime,
                    double open, double high, double low, double close, double volume);

    BarListener NONE = (s, tf, t, o, h, l, c, v) -> { };
}
