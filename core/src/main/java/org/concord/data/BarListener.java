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

    /**
     * The symbol's session restarted at {@code time} (a replay sought back in time, or looped): its bars from
     * {@code time} on are gone from the provider and arrive again; a view of them reloads. In order with the bars.
     */
    default void onSessionReset(Symbol symbol, long time) {
    }

    BarListener NONE = (s, tf, t, o, h, l, c, v) -> { };
}
