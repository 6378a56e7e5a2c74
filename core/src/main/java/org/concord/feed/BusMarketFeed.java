package org.concord.feed;

import org.concord.bus.EventBus;
import org.concord.data.DataProvider;
import org.concord.data.MarketDataSink;
import org.concord.data.MarketTopics;
import org.concord.bus.Subscription;
import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The desktop side of a remote setup: bars published by a server ({@link org.concord.data.MarketBusBridge}) are
 * fed into a local DataProvider as feed bars, so the live view and every query work exactly as with a local feed.
 * The DataProvider's rules apply on arrival (a bar delivered twice by the bus is a counted duplicate).
 */
public final class BusMarketFeed implements MarketFeed {
    public static final String SOURCE = "bus";

    private final EventBus bus;
    private final MarketDataSink sink;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Set<Symbol> declared = ConcurrentHashMap.newKeySet();
    private volatile FeedState state = FeedState.IDLE;

    public BusMarketFeed(EventBus bus, MarketDataSink sink) {
        if (bus == null || sink == null) {
            throw new IllegalArgumentException("bus and sink are required");
        }
        this.bus = bus;
        this.sink = sink;
    }

    @Override
    public String name() {
        return "Remote (event bus)";
    }

    @Override
    public FeedState state() {
        return state;
    }

    @Override
    public synchronized void start() {
        if (state == FeedState.RUNNING) {
            return;
        }
        subscriptions.add(bus.subscribe(MarketTopics.BAR_CLOSES, this::deliver));
        subscriptions.add(bus.subscribe(MarketTopics.BAR_UPDATES, this::deliver));
        state = FeedState.RUNNING;
    }

    private void deliver(MarketTopics.BarEvent e) {
        if (sink instanceof DataProvider p && declared.add(e.symbol())) {
            p.declareFeedBars(e.symbol()); // these bars are final as sent; nothing is re-aggregated here
        }
        sink.onBar(e.symbol(), e.timeframe(), e.openTime(), e.open(), e.high(), e.low(), e.close(), e.volume(), e.closed(), SOURCE);
    }

    @Override
    public synchronized void stop() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
        state = FeedState.STOPPED;
    }
}
