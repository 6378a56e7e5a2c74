package org.concord.indicators;

/**
 * Mean and population variance of the last {@code n} values (the newest replaceable, as in {@link RollingSum}).
 * Sums are kept of deviations from a shift {@code K} inside the data (the newest final value at the last exact
 * recomputation), which avoids the cancellation of the textbook {@code Σx² − (Σx)²/n}: the variance keeps full
 * relative precision at price levels of 10⁴ with sub-cent moves, and a window of equal values has variance exactly
 * 0. Recomputed exactly every {@code n} additions (O(1) amortized) and as soon as the sum of squares has become
 * small next to a squared deviation that went through it, or the spread has become small next to the distance
 * from the shift (more than 10 bits lost either way). The shift depends only on
 * final values, so revising the newest value stays exact.
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
    private double scale;
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
            scale = Math.max(scale, d * d);
        }
        int next = head + 1 == n ? 0 : head + 1;
        if (size == n) {
            double d = buf[next] - shift;
            c1 -= d;
            c2 -= d * d;
            scale = Math.max(scale, d * d);
        } else {
            size++;
        }
        head = next;
        buf[head] = x;
        if (++sinceExact >= n || c2 * RollingSum.CANCELLATION < scale || cancels(c1, c2, size - 1)) {
            recompute();
        }
    }

    /**
     * True when the final values' variance is lost in {@code c2 − c1²/m} (the shift is far from a window that has
     * become flat): then the shift is moved into the window by an exact recomputation.
     */
    static boolean cancels(double c1, double c2, int m) {
        return m > 0 && (c2 - c1 * c1 / m) * RollingSum.CANCELLATION < c2;
    }

    public void replaceNewest(double x) {
        if (size == 0) {
            throw new IllegalStateException("replaceNewest on an empty window");
        }
        buf[head] = x;
    }

    /** {@code newest − mean}, computed from the shifted sums (rounding relative to the spread, not the level). */
    public double newestDeviation() {
        double d = buf[head] - shift;
        return d - (c1 + d) / size;
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
        scale = 0;
        sinceExact = 0;
    }

    private void recompute() {
        sinceExact = 0;
        scale = 0;
        int m = size - 1;
        if (m <= 0) {
            c1 = 0;
            c2 = 0;
            return;
        }
        int start = size < n ? 0 : (head + 1 == n ? 0 : head + 1);
        int newestFinal = head == 0 ? n - 1 : head - 1;
        shift = buf[newestFinal];
        shifted = true;
        double a = 0;
        int i;
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
