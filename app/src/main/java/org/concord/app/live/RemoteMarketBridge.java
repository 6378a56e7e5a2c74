package org.concord.app.live;

import org.concord.bus.EventBus;
import org.concord.data.DataProvider;
import org.concord.data.Subscription;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A remote desktop's market data: bars from the bus written into the desktop's own DataProvider (as a feed's
 * klines: validated, stored, published to its listeners), so the live view reads one DataProvider whether the
 * feed runs in this process or on a server.
 */
public final class RemoteMarketBridge implements AutoCloseable {
    public static final String SOURCE = "bus";
    private final Subscription closes;
    private final Subscription updates;
    private final Set<String> declared = ConcurrentHashMap.newKeySet();

    public RemoteMarketBridge(EventBus bus, DataProvider data) {
        if (bus == null || data == null) {
            throw new IllegalArgumentException("bus and data are required");
        }
        closes = bus.subscribe(MarketTopics.BAR_CLOSES, e -> ingest(data, e));
        updates = bus.subscribe(MarketTopics.BAR_UPDATES, e -> ingest(data, e));
    }

    private void ingest(DataProvider data, BarEvent e) {
        if (declared.add(e.symbol().code())) {
            data.declareFeedBars(e.symbol()); // bars arrive ready-made: do not aggregate trades for this symbol
        }
        data.onBar(e.symbol(), e.timeframe(), e.openTime(), e.open(), e.high(), e.low(), e.close(), e.volume(), e.closed(), SOURCE);
    }

    @Override
    public void close() {
        closes.close();
        updates.close();
    }
}
