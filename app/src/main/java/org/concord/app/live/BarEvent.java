package org.concord.app.live;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;

/**
 * One bar as it crosses the event bus to a remote desktop ({@link MarketTopics}): a close (final values) or an
 * update of the still-forming bar.
 */
public record BarEvent(Symbol symbol, Timeframe timeframe, long openTime, double open, double high, double low, double close,
                       double volume, boolean closed) {
    public BarEvent {
        if (symbol == null || timeframe == null) {
            throw new IllegalArgumentException("symbol and timeframe are required");
        }
    }
}
