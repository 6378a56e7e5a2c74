package org.concord.modules.microstructure;

/**
 * Trade-flow imbalance over a sliding time window: {@code (Vbuy - Vsell) / (Vbuy + Vsell)} of the trades with time in
 * {@code (now - window, now]}, where {@code now} is the caller's (decision) time, so a trade after it never counts.
 * A ring of primitives; O(1) amortized per trade. Not thread-safe.
 */
public final class TradeFlow {
    private final long windowMillis;
    private long[] times = new long[1024];
    private double[] signed = new double[1024];
    private int head;
    private int size;
    private double buy;
    private double sell;

    public TradeFlow(long windowMillis) {
        if (windowMillis < 1) {
            throw new IllegalArgumentException("window must be >= 1 ms, got " + windowMillis);
        }
        this.windowMillis = windowMillis;
    }

    public void add(long time, double size, boolean buyAggressor) {
        if (this.size == times.length) {
            grow();
        }
        int i = (head + this.size) % times.length;
        times[i] = time;
        signed[i] = buyAggressor ? size : -size;
        this.size++;
        if (buyAggressor) {
            buy += size;
        } else {
            sell += size;
        }
    }

    private void grow() {
        int n = times.length * 2;
        long[] t = new long[n];
        double[] s = new double[n];
        for (int k = 0; k < size; k++) {
            t[k] = times[(head + k) % times.length];
            s[k] = signed[(head + k) % times.length];
        }
        times = t;
        signed = s;
        head = 0;
    }

    /** Drops trades at or before {@code now - window}. */
    private void evict(long now) {
        long from = now - windowMillis;
        while (size > 0 && times[head] <= from) {
            double v = signed[head];
            if (v >= 0) {
                buy -= v;
            } else {
                sell += v;
            }
            head = (head + 1) % times.length;
            size--;
        }
        if (size == 0) {
            buy = 0;
            sell = 0;
        }
    }

    /** Imbalance in [-1, 1] at {@code now} (0 without trades). Trades after {@code now} are ignored. */
    public double imbalance(long now) {
        evict(now);
        double b = 0;
        double s = 0;
        if (size > 0 && times[(head + size - 1) % times.length] > now) {
            // some trades are newer than now (asked for an earlier time): count only those up to now
            for (int k = 0; k < size; k++) {
                int i = (head + k) % times.length;
                if (times[i] <= now) {
                    if (signed[i] >= 0) {
                        b += signed[i];
                    } else {
                        s -= signed[i];
                    }
                }
            }
        } else {
            b = Math.max(0, buy);
            s = Math.max(0, sell);
        }
        return b + s <= 0 ? 0.0 : (b - s) / (b + s);
    }

    /** Trades in the window after the last {@link #imbalance} call. */
    public int count() {
        return size;
    }

    public void clear() {
        head = 0;
        size = 0;
        buy = 0;
        sell = 0;
    }
}
