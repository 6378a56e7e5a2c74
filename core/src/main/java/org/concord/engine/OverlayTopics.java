package org.concord.engine;

import org.concord.bus.Topic;
import org.concord.chart.ChartOverlay;

/** Live-view topics of the desktop (market data itself travels on {@link org.concord.data.MarketTopics}). */
public final class OverlayTopics {
    /** Chart overlays derived from the orchestrator's state (pivot levels, extrema). */
    public static final Topic<ChartOverlay> OVERLAYS = Topic.transientTopic("live.overlays", ChartOverlay.class);

    private OverlayTopics() {
    }
}
