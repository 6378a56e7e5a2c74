package org.concord.data;

import org.concord.bus.Subscription;
import org.concord.bus.EventBus;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Publishes a DataProvider's bars on the bus ({@link MarketTopics}), in the process that owns the feed (`concord
 * serve`). Every close is published; forming-bar updates are thinned to at most one per symbol × timeframe per
 * {@code updateIntervalMs} of wall-clock time (a desktop redraws once per pulse anyway, and a max-speed replay must
 * not flood the bus).
 */
public final class MarketBusBridge implements AutoCloseable {
    private final Subscription closes;
    private final Subscription updates;
    /** Wall time of the last published update, per symbol, indexed by timeframe ordinal. */
    private final Map<Symbol, long[]> lastUpdate = new ConcurrentHashMap<>();

    /** Every timeframe, forming bars at most every 100 ms. */
    public MarketBusBridge(DataProvider data, EventBus bus) {
        this(data, bus, EnumSet.allOf(Timeframe.class), 100);
    }

    public MarketBusBridge(DataProvider data, EventBus bus, Set<Timeframe> timeframes, long updateIntervalMs) {
        if (data == null || bus == null || timeframes == null || timeframes.isEmpty() || updateIntervalMs < 0) {
            throw new IllegalArgumentException("data, bus, at least one timeframe and a non-negative interval are required");
        }
        Set<Timeframe> tfs = EnumSet.copyOf(timeframes);
        closes = data.subscribeBarCloses((s, tf, t, o, h, l, c, v) -> {
            if (tfs.contains(tf)) {
                bus.publish(MarketTopics.BAR_CLOSES, new MarketTopics.BarEvent(s, tf, t, o, h, l, c, v, true));
            }
        });
        updates = data.subscribeBarUpdates(new BarListener() {
            @Override
            public void onBarUpdate(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
                if (!tfs.contains(tf)) {
                    return;
                }
                long[] last = lastUpdate.computeIfAbsent(s, k -> {
                    long[] a = new long[Timeframe.values().length];
                    Arrays.fill(a, Long.MIN_VALUE);
                    return a;
                });
                long now = System.currentTimeMillis();
                if (last[tf.ordinal()] == Long.MIN_VALUE || now - last[tf.ordinal()] >= updateIntervalMs) {
                    last[tf.ordinal()] = now;
                    bus.publish(MarketTopics.BAR_UPDATES, new MarketTopics.BarEvent(s, tf, t, o, h, l, c, v, false));
                }
            }

            @Override
            public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
            }
        });
    }

    @Override
    public void close() {
        closes.close();
        updates.close();
    }
}
