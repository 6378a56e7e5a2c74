package org.concord.app.feed;

import org.concord.app.shell.FxPulse;
import org.concord.app.shell.Presenters;
import org.concord.bus.EventBus;
import org.concord.bus.redis.RedisEventBus;
import org.concord.model.Symbol;

import java.util.function.BiPredicate;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Every 250 ms: the feed's state, the selected instrument's data clock, the bus connection and the decision rate, for
 * the status bar. The clock is the selected instrument's: the replay's own is the BTCUSD tape's (2013) while ETHUSD's
 * and AAPL's bars (2023) play beside it.
 */
public final class StatusPresenter {
    private final FxPulse.Slot<StatusSnapshot> slot = new FxPulse.Slot<>();
    private long lastCount = -1;
    private long lastNanos;
    private double rate;

    /**
     * @param selected the instrument the desk shows now (any thread)
     * @param clock    an instrument's data clock, Long.MIN_VALUE before its first event (read on the presenter thread)
     * @param synthetic whether an instrument's data at a time is a looped copy of its recording ({@link FeedController#synthetic})
     */
    public StatusPresenter(Presenters presenters, Supplier<FeedStatus> feed, Supplier<Symbol> selected, ToLongFunction<Symbol> clock,
                           BiPredicate<Symbol, Long> synthetic, EventBus bus, LongSupplier decisions, boolean remote) {
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
            Symbol s = selected.get();
            long time = s == null ? Long.MIN_VALUE : clock.applyAsLong(s);
            slot.offer(new StatusSnapshot(remote ? FeedStatus.NONE : feed.get(), connection, rate, n, remote ? "remote" : "local",
                    s == null ? "" : s.code(), time, !remote && synthetic.test(s, time)));
        });
    }

    public FxPulse.Slot<StatusSnapshot> slot() {
        return slot;
    }
}
