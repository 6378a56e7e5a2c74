package org.concord.indicators;

/**
 * Mean and population variance of the last {@code n} values (the newest replaceable, as in {@link RollingSum}).
 * Sums are kept of deviations from a shift {@code K} close to the data (the mean of the final values at the last
 * exact recomputation), which avoids the cancellation of the textbook {@code Σx² − (Σx)²/n}: the variance keeps
 * full relative precision even at price levels of 10⁴ with sub-cent moves. Recomputed exactly every {@code n}
 * additions (O(1) amortized); the shift depends only on final values, so revising the newest value stays exact.
 */
public final class RollingMoments {
    private final int n;
    private final double[] buf;
    private int head = -1;
    private int size;
    private boolean shifted;
    private double shift;
    private double c1;
    private double c2;
    private int sinceExact;

    public RollingMoments(int n) {
        this.n = Outputs.requirePeriod("window", n, 1);
        this.buf = new double[n];
    }

    public void add(double x) {
        if (size > 0) {
            double v = buf[head];
            if (!shifted) {
                shifted = true;
                shift = v;
            }
            double d = v - shift;
            c1 += d;
            c2 += d * d;
        }
        int next = head + 1 == n ? 0 : head + 1;
        if (size == n) {
            double d = buf[next] - shift;
            c1 -= d;
            c2 -= d * d;
        } else {
            size++;
        }
        head = next;
        buf[head] = x;
        if (++sinceExact >= n) {
            sinceExact = 0;
            recompute();
        }
    }

    public void replaceNewest(double x) {
        if (size == 0) {
            throw new IllegalStateException("replaceNewest on an empty window");
        }
        buf[head] = x;
    }

    public double mean() {
        double d = buf[head] - shift;
        return shift + (c1 + d) / size;
    }

    /** Population variance (divides by the number of values), never negative. */
    public double variance() {
        double d = buf[head] - shift;
        double s1 = c1 + d;
        double s2 = c2 + d * d;
        double v = (s2 - s1 * s1 / size) / size;
        return v > 0 ? v : 0;
    }

    public double stdDev() {
        return Math.sqrt(variance());
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

    public void clear() {
        head = -1;
        size = 0;
        shifted = false;
        shift = 0;
        c1 = 0;
        c2 = 0;
        sinceExact = 0;
    }

    private void recompute() {
        int m = size - 1;
        if (m <= 0) {
            c1 = 0;
            c2 = 0;
            return;
        }
        int start = size < n ? 0 : (head + 1 == n ? 0 : head + 1);
        double s = 0;
        int i = start;
        for (int k = 0; k < m; k++) {
            s += buf[i];
            i = i + 1 == n ? 0 : i + 1;
        }
        shift = s / m;
        shifted = true;
        double a = 0;
        double b = 0;
        i = start;
        for (int k = 0; k < m; k++) {
            double d = buf[i] - shift;
            a += d;
            b += d * d;
            i = i + 1 == n ? 0 : i + 1;
        }
        c1 = a;
        c2 = b;
    }
}
