package org.concord.indicators;

/**
 * Sum of the last {@code n} values, the newest of which may be replaced ({@link #replaceNewest}) any number of
 * times. The sum of the older, final values is kept apart, so replacing the newest value is exact and O(1).
 * That part is updated by adding and subtracting, and recomputed from the window (oldest first) every {@code n}
 * additions, so rounding does not drift over millions of values (O(1) amortized), and also as soon as it has
 * become small next to the values that went through it since (cancellation: more than 10 bits lost), so a window
 * of zeros sums to exactly 0 and a sum of non-negative values keeps its full relative precision.
 * Allocation-free after construction.
 */
public final class RollingSum {
    private final int n;
    private final double[] buf;
    private int head = -1;
    private int size;
    private double committed;
    private double scale;
    private int sinceExact;

    public RollingSum(int n) {
        this.n = Outputs.requirePeriod("window", n, 1);
        this.buf = new double[n];
    }

    /** Appends a value; the previous newest value becomes final, the oldest leaves a full window. */
    public void add(double x) {
        if (size > 0) {
            double v = buf[head];
            committed += v;
            scale = Math.max(scale, Math.abs(v));
        }
        int next = head + 1 == n ? 0 : head + 1;
        if (size == n) {
            double v = buf[next];
            committed -= v;
            scale = Math.max(scale, Math.abs(v));
        } else {
            size++;
        }
        head = next;
        buf[head] = x;
        if (++sinceExact >= n || Math.abs(committed) * CANCELLATION < scale) {
            recompute();
        }
    }

    /** 2^10: recompute once the running sum is this much smaller than a value that went through it. */
    static final double CANCELLATION = 1024;

    /** Replaces the newest value. */
    public void replaceNewest(double x) {
        if (size == 0) {
            throw new IllegalStateException("replaceNewest on an empty window");
        }
        buf[head] = x;
    }

    /** Sum of the values in the window (up to {@code n}). */
    public double sum() {
        return size == 0 ? 0 : committed + buf[head];
    }

    public double newest() {
        return buf[head];
    }

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == n;
    }

    public int window() {
        return n;
    }

    public void clear() {
        head = -1;
        size = 0;
        committed = 0;
        scale = 0;
        sinceExact = 0;
    }

    /** Exact (re-summed) value of the final part: every value in the window but the newest, oldest first. */
    private void recompute() {
        sinceExact = 0;
        scale = 0;
        double s = 0;
        int i = head + 1 == n ? 0 : head + 1;
        if (size < n) {
            i = 0;
        }
        for (int k = 0; k < size - 1; k++) {
            s += buf[i];
            i = i + 1 == n ? 0 : i + 1;
        }
        committed = s;
    }
}
