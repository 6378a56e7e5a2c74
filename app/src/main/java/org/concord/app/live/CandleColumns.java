package org.concord.app.live;

import java.util.Arrays;

/**
 * The chart side's own columnar copy of the shown bars (FX thread only): primitive arrays that grow by doubling,
 * changed by {@link #upsert} (replace the last bar or append a newer one) — never copied whole per pulse.
 */
public final class CandleColumns {
    long[] time = new long[1024];
    double[] open = new double[1024];
    double[] high = new double[1024];
    double[] low = new double[1024];
    double[] close = new double[1024];
    double[] volume = new double[1024];
    int size;

    public int size() {
        return size;
    }

    public long time(int i) {
        return time[i];
    }

    public double low(int i) {
        return low[i];
    }

    public double high(int i) {
        return high[i];
    }

    public double close(int i) {
        return close[i];
    }

    public void clear() {
        size = 0;
    }

    /** Forgets the {@code n} oldest bars (an O(size) move, so callers drop many at once). */
    public void dropOldest(int n) {
        if (n < 0 || n > size) {
            throw new IndexOutOfBoundsException("cannot drop " + n + " of " + size);
        }
        int keep = size - n;
        System.arraycopy(time, n, time, 0, keep);
        System.arraycopy(open, n, open, 0, keep);
        System.arraycopy(high, n, high, 0, keep);
        System.arraycopy(low, n, low, 0, keep);
        System.arraycopy(close, n, close, 0, keep);
        System.arraycopy(volume, n, volume, 0, keep);
        size = keep;
    }

    /**
     * Puts a bar: replaces the bar with the same time when it is the last one (or any stored one), appends a newer
     * one. Returns the index written, or -1 when the time is older than the first bar (ignored).
     */
    public int upsert(long t, double o, double h, double l, double c, double v) {
        if (size > 0 && t <= time[size - 1]) {
            int i = t == time[size - 1] ? size - 1 : Arrays.binarySearch(time, 0, size, t);
            if (i < 0) {
                return -1; // a hole in the past is not filled here: the next reload brings it
            }
            set(i, t, o, h, l, c, v);
            return i;
        }
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            open = Arrays.copyOf(open, n);
            high = Arrays.copyOf(high, n);
            low = Arrays.copyOf(low, n);
            close = Arrays.copyOf(close, n);
            volume = Arrays.copyOf(volume, n);
        }
        set(size, t, o, h, l, c, v);
        return size++;
    }

    private void set(int i, long t, double o, double h, double l, double c, double v) {
        time[i] = t;
        open[i] = o;
        high[i] = h;
        low[i] = l;
        close[i] = c;
        volume[i] = v;
    }

    /** First index with time ≥ {@code t} (size when none). */
    public int lowerBound(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
