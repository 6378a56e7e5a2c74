package org.concord.app.live;

import org.concord.bus.EventBus;
import org.concord.data.BarListener;
import org.concord.data.DataProvider;
import org.concord.data.Subscription;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Bridges the DataProvider's bars to the bus for remote desktops: every close, and forming-bar updates at most
 * every {@code updateEveryMillis} per symbol and timeframe (wall clock: a max-speed replay must not flood the bus).
 * Runs in the process that owns the feed (the desktop in local mode does not need it; {@code concord serve} does).
 */
public final class MarketBarPublisher implements AutoCloseable {
    private final Subscription closes;
    private final Subscription updates;
    private final ConcurrentHashMap<String, long[]> lastSent = new ConcurrentHashMap<>();

    public MarketBarPublisher(DataProvider data, EventBus bus, long updateEveryMillis) {
        if (data == null || bus == null || updateEveryMillis < 0) {
            throw new IllegalArgumentException("data and bus are required; updateEveryMillis >= 0");
        }
        closes = data.subscribeBarCloses((s, tf, t, o, h, l, c, v) ->
                bus.publish(MarketTopics.BAR_CLOSES, new BarEvent(s, tf, t, o, h, l, c, v, true)));
        updates = data.subscribeBarUpdates(new BarListener() {
            @Override
            public void onBarUpdate(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
                long now = System.currentTimeMillis();
                long[] last = lastSent.computeIfAbsent(s.code() + "/" + tf.code(), k -> new long[] {Long.MIN_VALUE});
                if (now - last[0] >= updateEveryMillis) {
                    last[0] = now;
                    bus.publish(MarketTopics.BAR_UPDATES, new BarEvent(s, tf, t, o, h, l, c, v, false));
                }
            }

            @Override
            public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
                // closes go through the close subscription
            }
        });
    }

    @Override
    public void close() {
        closes.close();
        updates.close();
    }
}
