package org.concord.bus.redis;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** The live counters behind {@link BusMetrics}; written by the bus threads, read by anyone. */
final class BusCounters {
    final AtomicLong published = new AtomicLong();
    final AtomicLong sentDurable = new AtomicLong();
    final AtomicLong spilled = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong transientDropped = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong echoesSkipped = new AtomicLong();
    final AtomicLong duplicatesSkipped = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong claimed = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    private final AtomicLongArray rejected = new AtomicLongArray(RejectReason.values().length);

    void rejected(RejectReason r) {
        rejected.incrementAndGet(r.ordinal());
    }

    BusMetrics snapshot(long outboxSize, long handlerErrors) {
        Map<RejectReason, Long> rej = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            rej.put(r, rejected.get(r.ordinal()));
        }
        return new BusMetrics(published.get(), sentDurable.get(), outboxSize, spilled.get(), lost.get(),
                transientDropped.get(), received.get(), delivered.get(), echoesSkipped.get(), duplicatesSkipped.get(),
                Map.copyOf(rej), deadLettered.get(), claimed.get(), handlerErrors, reconnects.get());
    }
}
