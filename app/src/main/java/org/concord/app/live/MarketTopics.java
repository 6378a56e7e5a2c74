package org.concord.app.live;

import org.concord.bus.Topic;

/**
 * Market data for remote desktops. The process that owns the feed publishes them ({@link MarketBarPublisher});
 * a desktop started with {@code --bus redis://...} writes them into its own DataProvider ({@link RemoteMarketBridge}).
 */
public final class MarketTopics {
    /** Closed bars of every timeframe (durable: a chart must not get a hole). */
    public static final Topic<BarEvent> BAR_CLOSES = Topic.durable("market.bar-closes", BarEvent.class);
    /** The forming bar, at most ten times a second per symbol and timeframe (a lost one is replaced by the next). */
    public static final Topic<BarEvent> BAR_UPDATES = Topic.transientTopic("market.bar-updates", BarEvent.class);
    /** Chart overlays derived from the orchestrator's state (pivot levels, extrema). */
    public static final Topic<ChartOverlay> OVERLAYS = Topic.transientTopic("live.overlays", ChartOverlay.class);

    private MarketTopics() {
    }
}
