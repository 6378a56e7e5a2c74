package org.concord.feed.binance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The feed's estimate of the exchange's clock, used to refuse klines and trades dated in the future (a single one
 * taken as the last closed bar would make every real kline after it look stale). The estimate is the later of
 * <ul>
 *   <li>the exchange's server time ({@code GET /api/v3/time}) carried forward by the local monotonic clock, and</li>
 *   <li>the newest time an accepted message proved (a kline's close time, a trade's time, each capped by the
 *       message's event time), so a loopback exchange whose clock runs faster than the wall clock is followed
 *       without asking.</li>
 * </ul>
 * A time beyond the estimate plus the tolerance makes the clock ask the exchange once more; if it is still beyond,
 * it is refused, and for {@value #PAUSE_MS} ms after such a refusal further ones are refused without asking (a
 * flood of bad messages costs at most one request a second). When the server time cannot be read at all, the local
 * wall clock stands in. Used by the feed's worker thread only.
 */
final class ExchangeClock {
    static final long NONE = Long.MIN_VALUE;
    /** Trades carry no interval: how far past the clock a trade time may be. */
    static final long TRADE_TOLERANCE_MS = 60_000;
    static final long PAUSE_MS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeClock.class);

    private final LongSupplier serverTime;
    private final LongSupplier wallClock;
    private final LongSupplier nanoTime;
    private long synced = NONE;
    private long syncedAtNanos;
    private long proven = NONE;
    private long refusedAtNanos = NONE;
    private long syncs;

    /**
     * @param serverTime the exchange's time in epoch ms (may throw {@link BinanceApiException})
     * @param wallClock  the local wall clock, standing in when the server time cannot be read
     * @param nanoTime   a monotonic clock in ns
     */
    ExchangeClock(LongSupplier serverTime, LongSupplier wallClock, LongSupplier nanoTime) {
        this.serverTime = serverTime;
        this.wallClock = wallClock;
        this.nanoTime = nanoTime;
    }

    /** The estimate in epoch ms, or {@link #NONE} before the first sync or proof. */
    long now() {
        long s = synced == NONE ? NONE : synced + (nanoTime.getAsLong() - syncedAtNanos) / 1_000_000;
        return Math.max(s, proven);
    }

    /** True when {@code time} is at most {@code toleranceMs} past the exchange's clock (asking it when in doubt). */
    boolean admits(long time, long toleranceMs) {
        long now = now();
        if (now != NONE && time <= now + toleranceMs) {
            return true;
        }
        long t = nanoTime.getAsLong();
        if (refusedAtNanos != NONE && t - refusedAtNanos < PAUSE_MS * 1_000_000) {
            return false;
        }
        sync();
        if (time <= now() + toleranceMs) {
            return true;
        }
        refusedAtNanos = nanoTime.getAsLong();
        return false;
    }

    /** An accepted message showed the exchange's clock at {@code time} at least. */
    void prove(long time) {
        if (time > proven) {
            proven = time;
        }
    }

    /** Server-time requests made so far. */
    long syncs() {
        return syncs;
    }

    private void sync() {
        syncs++;
        try {
            synced = serverTime.getAsLong();
            syncedAtNanos = nanoTime.getAsLong();
        } catch (BinanceApiException e) {
            if (synced == NONE) {
                synced = wallClock.getAsLong();
                syncedAtNanos = nanoTime.getAsLong();
                LOG.warn("binance: cannot read the exchange's server time ({}); the local clock {} stands in for it", e.getMessage(),
                        Instant.ofEpochMilli(synced));
            } else {
                LOG.warn("binance: cannot read the exchange's server time ({}); keeping the estimate {}", e.getMessage(), Instant.ofEpochMilli(now()));
            }
        }
    }
}
