package org.concord.data;

import org.concord.model.Bar;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.List;
import java.util.Set;

/**
 * Builds bars for every {@link Timeframe} at once from one symbol's trade stream.
 *
 * <p>Rules (stated once, relied on everywhere):
 * <ul>
 *   <li>A bar covers {@code [openTime, openTime + tf)}; its open is the first trade in it, its close the last
 *       trade by arrival, volume the sum of sizes.</li>
 *   <li>Intervals without trades produce no bar (no synthetic flat bars); consumers see a time gap.</li>
 *   <li>A bar closes when a trade (or {@link #advanceTo}) reaches its close time. Closes of one instant are
 *       emitted shortest timeframe first, and before the trade that caused them is applied.</li>
 *   <li>A trade older than the aggregator's clock (the last accepted trade or {@link #advanceTo} time) could
 *       belong to a bar already closed: it is rejected and counted ({@link #rejectedOutOfOrder()}); equal timestamps are fine. A trade with a
 *       non-finite or non-positive price, or a negative/non-finite size, is rejected and counted
 *       ({@link #rejectedInvalid()}).</li>
 * </ul>
 * Single-threaded: one feed thread owns an aggregator. No allocation per trade.
 */
public final class TradeAggregator {
    private static final Timeframe[] TFS = Timeframe.all();
    private static final int N = TFS.length;
    private static final long NONE = Long.MIN_VALUE;

    private final Symbol symbol;
    private final BarListener listener;
    private final long[] millis = new long[N];
    private final long[] openTime = new long[N];
    private final long[] closeTime = new long[N];
    private final double[] open = new double[N];
    private final double[] high = new double[N];
    private final double[] low = new double[N];
    private final double[] close = new double[N];
    private final double[] volume = new double[N];
    private final boolean[] publishUpdate = new boolean[N];
    private boolean anyUpdates;
    private long clock = Long.MIN_VALUE;
    private long accepted;
    private long rejectedOutOfOrder;
    private long rejectedInvalid;

    public TradeAggregator(Symbol symbol, BarListener listener) {
        if (symbol == null || listener == null) {
            throw new IllegalArgumentException("symbol and listener are required");
        }
        this.symbol = symbol;
        this.listener = listener;
        for (int i = 0; i < N; i++) {
            millis[i] = TFS[i].millis();
            openTime[i] = NONE;
            closeTime[i] = NONE;
        }
    }

    /** Chooses the timeframes whose forming-bar updates are published (none by default: they cost a call per trade). */
    public TradeAggregator publishUpdates(Set<Timeframe> timeframes) {
        anyUpdates = false;
        for (int i = 0; i < N; i++) {
            publishUpdate[i] = timeframes.contains(TFS[i]);
            anyUpdates |= publishUpdate[i];
        }
        return this;
    }

    public Symbol symbol() {
        return symbol;
    }

    /**
     * Applies one trade.
     *
     * @return false when the trade was rejected (late or invalid); it is counted and nothing changes
     */
    public boolean onTrade(long time, double price, double size) {
        if (!(price > 0) || price == Double.POSITIVE_INFINITY || !(size >= 0) || size == Double.POSITIVE_INFINITY) {
            rejectedInvalid++;
            return false;
        }
        if (time < clock) {
            rejectedOutOfOrder++;
            return false;
        }
        clock = time;
        accepted++;
        // Timeframes nest (every boundary of a longer frame is a boundary of the 1s frame), so a trade inside
        // the current 1s bar is inside every current bar: the common case is seven in-place updates.
        if (time >= closeTime[0]) {
            roll(time, price);
        }
        for (int i = 0; i < N; i++) {
            if (price > high[i]) {
                high[i] = price;
            }
            if (price < low[i]) {
                low[i] = price;
            }
            close[i] = price;
            volume[i] += size;
        }
        if (anyUpdates) {
            publishUpdates();
        }
        return true;
    }

    /** Closes the bars the trade at {@code time} has left and opens new ones, shortest first. */
    private void roll(long time, double price) {
        for (int i = 0; i < N; i++) {
            boolean isOpen = openTime[i] != NONE;
            if (isOpen && time < closeTime[i]) {
                break; // invariant: a longer bar contains this one, so it is open and contains the trade too
            }
            if (isOpen) {
                emitClose(i);
            }
            long o = Math.floorDiv(time, millis[i]) * millis[i];
            openTime[i] = o;
            closeTime[i] = o + millis[i];
            open[i] = price;
            high[i] = price;
            low[i] = price;
            close[i] = price;
            volume[i] = 0;
        }
    }

    private void emitClose(int i) {
        listener.onBarClose(symbol, TFS[i], openTime[i], open[i], high[i], low[i], close[i], volume[i]);
        openTime[i] = NONE;
        closeTime[i] = NONE;
    }

    private void publishUpdates() {
        for (int i = 0; i < N; i++) {
            if (publishUpdate[i]) {
                listener.onBarUpdate(symbol, TFS[i], openTime[i], open[i], high[i], low[i], close[i], volume[i]);
            }
        }
    }

    /**
     * Advances the clock without a trade: closes every forming bar whose close time is {@code <= time}, so bars
     * close on time in a quiet market. Later trades before {@code time} are rejected as late.
     */
    public void advanceTo(long time) {
        if (time <= clock) {
            return;
        }
        clock = time;
        for (int i = 0; i < N; i++) {
            if (openTime[i] != NONE && closeTime[i] <= time) {
                emitClose(i);
            }
        }
    }

    /**
     * Continues a session that stopped at {@code time} (a restart): the clock moves there and each bar in
     * {@code forming} (one per timeframe, each containing {@code time}) goes on with the next trade instead of
     * starting empty. Nothing is emitted.
     */
    public void resume(long time, List<Bar> forming) {
        if (time < clock) {
            throw new IllegalArgumentException("resume at " + time + " is before the clock " + clock);
        }
        for (Bar b : forming) {
            int i = b.timeframe().ordinal();
            if (!b.symbol().equals(symbol) || b.openTime() > time || time >= b.openTime() + millis[i]) {
                throw new IllegalArgumentException("forming bar " + b + " does not contain " + time);
            }
        }
        clock = time;
        for (Bar b : forming) {
            int i = b.timeframe().ordinal();
            openTime[i] = b.openTime();
            closeTime[i] = b.openTime() + millis[i];
            open[i] = b.open();
            high[i] = b.high();
            low[i] = b.low();
            close[i] = b.close();
            volume[i] = b.volume();
        }
    }

    /** Whether {@code tf} has a forming bar. Forming values are read on the owning thread only. */
    public boolean hasForming(Timeframe tf) {
        return openTime[tf.ordinal()] != NONE;
    }

    public long formingOpenTime(Timeframe tf) {
        return openTime[tf.ordinal()];
    }

    public double formingClose(Timeframe tf) {
        return close[tf.ordinal()];
    }

    /** The forming bar of {@code tf} as a value, or null (allocates: for queries, not the hot path). */
    public Bar formingBar(Timeframe tf) {
        int i = tf.ordinal();
        return openTime[i] == NONE ? null
                : new Bar(symbol, tf, openTime[i], open[i], high[i], low[i], close[i], volume[i], false);
    }

    public long accepted() {
        return accepted;
    }

    public long rejectedOutOfOrder() {
        return rejectedOutOfOrder;
    }

    public long rejectedInvalid() {
        return rejectedInvalid;
    }

    /** Latest trade or advance time seen; trades before it are late. */
    public long clock() {
        return clock;
    }
}
