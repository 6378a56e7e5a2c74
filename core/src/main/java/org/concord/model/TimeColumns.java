package org.concord.model;

import java.util.Arrays;

/**
 * Rows of a time column (epoch ms) and {@code k} double columns, stored in chunks of {@link #CHUNK} rows. A series
 * that grows to a million rows is never copied and never holds a giant array: doubling one would allocate (and the
 * JVM zero) twice its final size in humongous G1 regions, which showed as a tenth of an EMA-cross backtest's time
 * (memset, async-profiler). The first chunk starts at the capacity asked for and doubles up to {@link #CHUNK}, so a
 * small copy stays small; from then on a row only ever gets a new chunk. Reads are two array loads.
 *
 * <p>No bounds checks beyond the JVM's: the owner ({@link BarSeries}, an equity curve) checks indexes against
 * {@link #size()} with its own message. Not thread-safe: one writer, as its owner.
 */
public final class TimeColumns {
    static final int SHIFT = 13;
    /** Rows per chunk: 64 KiB per column, far below a G1 humongous object. */
    public static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private final int columns;
    private long[][] time;
    private double[][][] values; // [column][chunk][row in chunk]
    private int chunks;
    private int capacity;
    private int size;

    public TimeColumns(int columns, int initialCapacity) {
        if (columns < 0 || initialCapacity < 1) {
            throw new IllegalArgumentException("columns >= 0 and capacity >= 1 expected, got " + columns + ", " + initialCapacity);
        }
        this.columns = columns;
        this.capacity = Math.min(CHUNK, initialCapacity);
        this.time = new long[][]{new long[capacity]};
        this.values = new double[columns][1][];
        for (int c = 0; c < columns; c++) {
            values[c][0] = new double[capacity];
        }
        this.chunks = 1;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return time[i >>> SHIFT][i & MASK];
    }

    public double get(int column, int i) {
        return values[column][i >>> SHIFT][i & MASK];
    }

    public void set(int column, int i, double v) {
        values[column][i >>> SHIFT][i & MASK] = v;
    }

    /** Adds a row at the end with time {@code t}; its values are those of a cleared row until set. Returns its index. */
    public int append(long t) {
        if (size == capacity) {
            grow();
        }
        time[size >>> SHIFT][size & MASK] = t;
        return size++;
    }

    /** Inserts a row with time {@code t} at {@code i}, moving the later rows up by one (a rare path: O(n)). */
    public void insert(int i, long t) {
        if (i < 0 || i > size) {
            throw new IndexOutOfBoundsException("insert at " + i + " of " + size);
        }
        if (size == capacity) {
            grow();
        }
        moveUp(i, size - i);
        size++;
        time[i >>> SHIFT][i & MASK] = t;
    }

    /** Removes the first {@code n} rows (the rest move down; chunks are kept for the rows to come). */
    public void dropFirst(int n) {
        if (n < 0 || n > size) {
            throw new IndexOutOfBoundsException("cannot drop " + n + " of " + size);
        }
        copyRows(this, n, this, 0, size - n);
        size -= n;
    }

    /** Keeps the first {@code n} rows and forgets the rest (keeps the chunks). */
    public void keepFirst(int n) {
        if (n < 0 || n > size) {
            throw new IndexOutOfBoundsException("cannot keep " + n + " of " + size);
        }
        size = n;
    }

    /** Forgets every row (keeps the chunks). */
    public void clear() {
        size = 0;
    }

    /** First index with {@code time >= t}, or {@link #size()} if none. */
    public int lowerBound(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Rows {@code [from, to)} as new columns of their own. */
    public TimeColumns copyRange(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + "," + to + ") outside [0," + size + ")");
        }
        int n = to - from;
        TimeColumns out = new TimeColumns(columns, Math.max(1, n));
        while (out.capacity < n) {
            out.grow();
        }
        copyRows(this, from, out, 0, n);
        out.size = n;
        return out;
    }

    /** Column {@code column}'s values of rows {@code [from, to)} as one array. */
    public double[] column(int column, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; ) {
            int len = Math.min(to - i, CHUNK - (i & MASK));
            System.arraycopy(values[column][i >>> SHIFT], i & MASK, out, i - from, len);
            i += len;
        }
        return out;
    }

    /** The time column of rows {@code [from, to)} as one array. */
    public long[] times(int from, int to) {
        long[] out = new long[to - from];
        for (int i = from; i < to; ) {
            int len = Math.min(to - i, CHUNK - (i & MASK));
            System.arraycopy(time[i >>> SHIFT], i & MASK, out, i - from, len);
            i += len;
        }
        return out;
    }

    private void grow() {
        if (capacity < CHUNK) {
            int n = Math.min(CHUNK, Math.max(16, capacity * 2));
            time[0] = Arrays.copyOf(time[0], n);
            for (int c = 0; c < columns; c++) {
                values[c][0] = Arrays.copyOf(values[c][0], n);
            }
            capacity = n;
            return;
        }
        if (chunks == time.length) {
            time = Arrays.copyOf(time, chunks * 2);
            for (int c = 0; c < columns; c++) {
                values[c] = Arrays.copyOf(values[c], chunks * 2);
            }
        }
        time[chunks] = new long[CHUNK];
        for (int c = 0; c < columns; c++) {
            values[c][chunks] = new double[CHUNK];
        }
        chunks++;
        capacity += CHUNK;
    }

    /** Moves rows {@code [i, i + n)} to {@code [i + 1, i + n + 1)}, last row first (the ranges overlap). */
    private void moveUp(int i, int n) {
        for (int k = i + n - 1; k >= i; k--) {
            int d = k + 1;
            time[d >>> SHIFT][d & MASK] = time[k >>> SHIFT][k & MASK];
            for (int c = 0; c < columns; c++) {
                values[c][d >>> SHIFT][d & MASK] = values[c][k >>> SHIFT][k & MASK];
            }
        }
    }

    /**
     * Copies {@code n} rows from {@code src} at {@code from} to {@code dst} at {@code to}, in chunk-bounded runs from
     * the first row on: right for distinct columns and for moving rows down within one ({@code to <= from}).
     */
    private static void copyRows(TimeColumns src, int from, TimeColumns dst, int to, int n) {
        while (n > 0) {
            int len = Math.min(n, Math.min(CHUNK - (from & MASK), CHUNK - (to & MASK)));
            System.arraycopy(src.time[from >>> SHIFT], from & MASK, dst.time[to >>> SHIFT], to & MASK, len);
            for (int c = 0; c < src.columns; c++) {
                System.arraycopy(src.values[c][from >>> SHIFT], from & MASK, dst.values[c][to >>> SHIFT], to & MASK, len);
            }
            from += len;
            to += len;
            n -= len;
        }
    }
}
