package org.concord.app.feed;

import org.concord.app.shell.FxPulse;
import org.concord.app.shell.Presenters;
import org.concord.bus.EventBus;
import org.concord.bus.redis.RedisEventBus;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Every 250 ms: the feed's state, the bus connection and the decision rate, for the status bar. */
public final class StatusPresenter {
    private final FxPulse.Slot<StatusSnapshot> slot = new FxPulse.Slot<>();
    private long lastCount = -1;
    private long lastNanos;
    private double rate;

    public StatusPresenter(Presenters presenters, Supplier<FeedStatus> feed, EventBus bus, LongSupplier decisions, boolean remote) {
        presenters.every(250, () -> {
            long now = System.nanoTime();
            long n = decisions.getAsLong();
            if (lastCount >= 0 && now > lastNanos) {
                double inst = (n - lastCount) * 1e9 / (now - lastNanos);
                rate = rate == 0 ? inst : 0.7 * rate + 0.3 * inst; // smoothed over about a second
            }
            lastCount = n;
            lastNanos = now;
            String connection = bus instanceof RedisEventBus r ? "bus " + r.state() : "in-process";
            slot.offer(new StatusSnapshot(remote ? FeedStatus.NONE : feed.get(), connection, rate, n, remote ? "remote" : "local"));
        });
    }

    public FxPulse.Slot<StatusSnapshot> slot() {
        return slot;
    }
}
