package org.concord.model;

/**
 * Columnar OHLCV series on primitive arrays ({@link TimeColumns}): {@code time(i)} is the bar's open time (epoch ms),
 * strictly increasing. Append and update-last never allocate except for a new chunk; reads never box.
 *
 * <p>Not thread-safe: one writer owns a series (the aggregator, the DataProvider under its lock, or a
 * module on the decision thread). Copies ({@link #copyRange}) are what cross threads.
 */
public final class BarSeries {
    private static final int OPEN = 0;
    private static final int HIGH = 1;
    private static final int LOW = 2;
    private static final int CLOSE = 3;
    private static final int VOLUME = 4;

    private final Symbol symbol;
    private final Timeframe timeframe;
    private final TimeColumns rows;

    public BarSeries(Symbol symbol, Timeframe timeframe) {
        this(symbol, timeframe, 256);
    }

    public BarSeries(Symbol symbol, Timeframe timeframe, int initialCapacity) {
        this(symbol, timeframe, checkedColumns(symbol, timeframe, initialCapacity));
    }

    private BarSeries(Symbol symbol, Timeframe timeframe, TimeColumns rows) {
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.rows = rows;
    }

    private static TimeColumns checkedColumns(Symbol symbol, Timeframe timeframe, int initialCapacity) {
        if (symbol == null || timeframe == null) {
            throw new IllegalArgumentException("series symbol/timeframe is null");
        }
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + initialCapacity);
        }
        return new TimeColumns(5, initialCapacity);
    }

    public Symbol symbol() {
        return symbol;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.size() == 0;
    }

    /** Appends a bar whose open time is after the last one's. */
    public void append(long t, double o, double h, double l, double c, double v) {
        int n = rows.size();
        if (n > 0 && t <= rows.time(n - 1)) {
            throw new IllegalArgumentException("bar time " + t + " not after last " + rows.time(n - 1) + " in " + symbol + " " + timeframe);
        }
        write(rows.append(t), o, h, l, c, v);
    }

    private void write(int i, double o, double h, double l, double c, double v) {
        rows.set(OPEN, i, o);
        rows.set(HIGH, i, h);
        rows.set(LOW, i, l);
        rows.set(CLOSE, i, c);
        rows.set(VOLUME, i, v);
    }

    /** Replaces the values of the last bar (a still-forming bar being updated). */
    public void updateLast(double h, double l, double c, double v) {
        if (rows.size() == 0) {
            throw new IllegalStateException("updateLast on empty series " + symbol + " " + timeframe);
        }
        int i = rows.size() - 1;
        rows.set(HIGH, i, h);
        rows.set(LOW, i, l);
        rows.set(CLOSE, i, c);
        rows.set(VOLUME, i, v);
    }

    /** Appends or, when {@code t} equals the last open time, overwrites the last bar. */
    public void put(long t, double o, double h, double l, double c, double v) {
        int n = rows.size();
        if (n > 0 && rows.time(n - 1) == t) {
            rows.set(OPEN, n - 1, o);
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
        if (i == rows.size()) {
            append(t, o, h, l, c, v);
            return i;
        }
        if (rows.time(i) != t) {
            rows.insert(i, t);
        }
        write(i, o, h, l, c, v);
        return i;
    }

    /** Forgets the bars with open time {@code >= t}: a feed that went back in time to {@code t} replays them. */
    public void truncateFrom(long t) {
        rows.keepFirst(lowerBound(t));
    }

    /** Removes the oldest {@code n} bars (a cache trimming its memory). */
    public void dropFirst(int n) {
        rows.dropFirst(n);
    }

    /** True when bar {@code i} has exactly these values. */
    public boolean sameValues(int i, double o, double h, double l, double c, double v) {
        check(i);
        return rows.get(OPEN, i) == o && rows.get(HIGH, i) == h && rows.get(LOW, i) == l && rows.get(CLOSE, i) == c
                && rows.get(VOLUME, i) == v;
    }

    public long time(int i) {
        check(i);
        return rows.time(i);
    }

    public double open(int i) {
        check(i);
        return rows.get(OPEN, i);
    }

    public double high(int i) {
        check(i);
        return rows.get(HIGH, i);
    }

    public double low(int i) {
        check(i);
        return rows.get(LOW, i);
    }

    public double close(int i) {
        check(i);
        return rows.get(CLOSE, i);
    }

    public double volume(int i) {
        check(i);
        return rows.get(VOLUME, i);
    }

    public long lastTime() {
        return time(size() - 1);
    }

    public double lastClose() {
        return close(size() - 1);
    }

    private void check(int i) {
        if (i < 0 || i >= rows.size()) {
            throw new IndexOutOfBoundsException("index " + i + " outside [0," + rows.size() + ") of " + symbol + " " + timeframe);
        }
    }

    /** First index with {@code time >= t}, or {@link #size()} if none. */
    public int lowerBound(long t) {
        return rows.lowerBound(t);
    }

    /** Index of the bar opened exactly at {@code t}, or -1. */
    public int indexOf(long t) {
        int i = rows.lowerBound(t);
        return i < rows.size() && rows.time(i) == t ? i : -1;
    }

    /** Copy of bars {@code [from, to)} into a new series. */
    public BarSeries copyRange(int from, int to) {
        return new BarSeries(symbol, timeframe, rows.copyRange(from, to));
    }

    public BarSeries copy() {
        return copyRange(0, size());
    }

    /** Drops all bars (keeps capacity). */
    public void clear() {
        rows.clear();
    }

    /** Bar {@code i} as a value (allocates; for API boundaries, not hot loops). */
    public Bar bar(int i, boolean closed) {
        check(i);
        return new Bar(symbol, timeframe, rows.time(i), rows.get(OPEN, i), rows.get(HIGH, i), rows.get(LOW, i), rows.get(CLOSE, i),
                rows.get(VOLUME, i), closed);
    }

    /** Close column copy, for batch consumers that want a plain array. */
    public double[] closes() {
        return rows.column(CLOSE, 0, rows.size());
    }

    @Override
    public String toString() {
        int n = rows.size();
        return "BarSeries[" + symbol + " " + timeframe + " size=" + n + (n > 0 ? " " + rows.time(0) + ".." + rows.time(n - 1) : "") + "]";
    }
}
