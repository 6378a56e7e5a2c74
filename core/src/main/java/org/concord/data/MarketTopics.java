package org.concord.data;

import org.concord.bus.Topic;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

/**
 * Market data on the event bus, for processes that do not own the feed (a desktop attached to a headless
 * server). Bar closes are durable (a desktop that reconnects must not miss a closed bar); forming-bar updates are
 * transient (a newer one follows within a second).
 */
public final class MarketTopics {
    public static final Topic<BarEvent> BAR_CLOSES = Topic.durable("market.bar-closes", BarEvent.class);
    public static final Topic<BarEvent> BAR_UPDATES = Topic.transientTopic("market.bar-updates", BarEvent.class);

    private MarketTopics() {
    }

    /** One bar (closed or forming) as it crosses process boundaries. */
    public record BarEvent(Symbol symbol, Timeframe timeframe, long openTime, double open, double high, double low,
                           double close, double volume, boolean closed) {
        public BarEvent {
            if (symbol == null || timeframe == null) {
                throw new IllegalArgumentException("bar event needs a symbol and a timeframe");
            }
        }
    }
}
