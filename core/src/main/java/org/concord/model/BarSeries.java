package org.concord.model;

import java.util.Arrays;

/**
 * Columnar OHLCV series on primitive arrays: {@code time[i]} is the bar's open time (epoch ms), strictly
 * increasing. Append and update-last never allocate except when the capacity doubles; reads never box.
 *
 * <p>Not thread-safe: one writer owns a series (the aggregator, the DataProvider under its lock, or a
 * module on the decision thread). Copies ({@link #copyRange}) are what cross threads.
 */
public final class BarSeries {
    private final Symbol symbol;
    private final Timeframe timeframe;
    private long[] time;
    private double[] open;
    private double[] high;
    private double[] low;
    private double[] close;
    private double[] volume;
    private int size;

    public BarSeries(Symbol symbol, Timeframe timeframe) {
        this(symbol, timeframe, 256);
    }

    public BarSeries(Symbol symbol, Timeframe timeframe, int initialCapacity) {
        if (symbol == null || timeframe == null) {
            throw new IllegalArgumentException("series symbol/timeframe is null");
        }
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + initialCapacity);
        }
        this.symbol = symbol;
        this.timeframe = timeframe;
        time = new long[initialCapacity];
        open = new double[initialCapacity];
        high = new double[initialCapacity];
        low = new double[initialCapacity];
        close = new double[initialCapacity];
        volume = new double[initialCapacity];
    }

    public Symbol symbol() {
        return symbol;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Appends a bar whose open time is after the last one's. */
    public void append(long t, double o, double h, double l, double c, double v) {
        if (size > 0 && t <= time[size - 1]) {
            throw new IllegalArgumentException("bar time " + t + " not after last " + time[size - 1] + " in " + symbol + " " + timeframe);
        }
        if (size == time.length) {
            grow();
        }
        time[size] = t;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        size++;
    }

    /** Replaces the values of the last bar (a still-forming bar being updated). */
    public void updateLast(double h, double l, double c, double v) {
        if (size == 0) {
            throw new IllegalStateException("updateLast on empty series " + symbol + " " + timeframe);
        }
        int i = size - 1;
        high[i] = h;
        low[i] = l;
        close[i] = c;
        volume[i] = v;
    }

    /** Appends or, when {@code t} equals the last open time, overwrites the last bar. */
    public void put(long t, double o, double h, double l, double c, double v) {
        if (size > 0 && time[size - 1] == t) {
            open[size - 1] = o;
            updateLast(h, l, c, v);
        } else {
            append(t, o, h, l, c, v);
        }
    }

    /**
     * Writes a bar at its place by open time: replaces the bar with the same open time, or inserts it in order
     * (shifting later bars; a rare path for late gap fills, O(n)).
     *
     * @return the index written
     */
    public int upsert(long t, double o, double h, double l, double c, double v) {
        int i = lowerBound(t);
        if (i == size) {
            append(t, o, h, l, c, v);
            return i;
        }
        if (time[i] != t) {
            if (size == time.length) {
                grow();
            }
            int tail = size - i;
            System.arraycopy(time, i, time, i + 1, tail);
            System.arraycopy(open, i, open, i + 1, tail);
            System.arraycopy(high, i, high, i + 1, tail);
            System.arraycopy(low, i, low, i + 1, tail);
            System.arraycopy(close, i, close, i + 1, tail);
            System.arraycopy(volume, i, volume, i + 1, tail);
            size++;
            time[i] = t;
        }
        open[i] = o;
        high[i] = h;
        low[i] = l;
        close[i] = c;
        volume[i] = v;
        return i;
    }

    /** Removes the oldest {@code n} bars (a cache trimming its memory). */
    public void dropFirst(int n) {
        if (n < 0 || n > size) {
            throw new IndexOutOfBoundsException("cannot drop " + n + " of " + size);
        }
        int rest = size - n;
        System.arraycopy(time, n, time, 0, rest);
        System.arraycopy(open, n, open, 0, rest);
        System.arraycopy(high, n, high, 0, rest);
        System.arraycopy(low, n, low, 0, rest);
        System.arraycopy(close, n, close, 0, rest);
        System.arraycopy(volume, n, volume, 0, rest);
        size = rest;
    }

    /** True when bar {@code i} has exactly these values. */
    public boolean sameValues(int i, double o, double h, double l, double c, double v) {
        check(i);
        return open[i] == o && high[i] == h && low[i] == l && close[i] == c && volume[i] == v;
    }

    private void grow() {
        int n = Math.max(16, time.length * 2);
        time = Arrays.copyOf(time, n);
        open = Arrays.copyOf(open, n);
        high = Arrays.copyOf(high, n);
        low = Arrays.copyOf(low, n);
        close = Arrays.copyOf(close, n);
        volume = Arrays.copyOf(volume, n);
    }

    public long time(int i) {
        check(i);
        return time[i];
    }

    public double open(int i) {
        check(i);
        return open[i];
    }

    public double high(int i) {
        check(i);
        return high[i];
    }

    public double low(int i) {
        check(i);
        return low[i];
    }

    public double close(int i) {
        check(i);
        return close[i];
    }

    public double volume(int i) {
        check(i);
        return volume[i];
    }

    public long lastTime() {
        return time(size - 1);
    }

    public double lastClose() {
        return close(size - 1);
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " outside [0," + size + ") of " + symbol + " " + timeframe);
        }
    }

    /** First index with {@code time >= t}, or {@link #size()} if none. */
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

    /** Index of the bar opened exactly at {@code t}, or -1. */
    public int indexOf(long t) {
        int i = lowerBound(t);
        return i < size && time[i] == t ? i : -1;
    }

    /** Copy of bars {@code [from, to)} into a new series. */
    public BarSeries copyRange(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + "," + to + ") outside [0," + size + ")");
        }
        int n = to - from;
        BarSeries s = new BarSeries(symbol, timeframe, Math.max(1, n));
        System.arraycopy(time, from, s.time, 0, n);
        System.arraycopy(open, from, s.open, 0, n);
        System.arraycopy(high, from, s.high, 0, n);
        System.arraycopy(low, from, s.low, 0, n);
        System.arraycopy(close, from, s.close, 0, n);
        System.arraycopy(volume, from, s.volume, 0, n);
        s.size = n;
        return s;
    }

    public BarSeries copy() {
        return copyRange(0, size);
    }

    /** Drops all bars (keeps capacity). */
    public void clear() {
        size = 0;
    }

    /** Bar {@code i} as a value (allocates; for API boundaries, not hot loops). */
    public Bar bar(int i, boolean closed) {
        check(i);
        return new Bar(symbol, timeframe, time[i], open[i], high[i], low[i], close[i], volume[i], closed);
    }

    /** Close column copy, for batch consumers that want a plain array. */
    public double[] closes() {
        return Arrays.copyOf(close, size);
    }

    @Override
    public String toString() {
        return "BarSeries[" + symbol + " " + timeframe + " size=" + size
                + (size > 0 ? " " + time[0] + ".." + time[size - 1] : "") + "]";
    }
}
