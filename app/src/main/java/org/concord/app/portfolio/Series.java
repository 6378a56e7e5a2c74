package org.concord.app.portfolio;

import java.util.Arrays;

/**
 * A growing (time, value) series for a chart: past {@link #MAX_KEPT} points the oldest half is dropped (the curve
 * shows recent history at full resolution); {@link #decimated} thins it to what a chart can show, always ending on the
 * newest point. A point earlier than the newest starts the series again. Not thread-safe: the presenter holds its lock.
 */
final class Series {
    static final int MAX_KEPT = 20_000;

    /** Parallel arrays of one thinned copy. */
    record Points(long[] time, double[] value) {
    }

    private long[] t = new long[256];
    private double[] v = new double[256];
    private int n;

    void add(long time, double value) {
        if (n > 0 && time < t[n - 1]) {
            n = 0; // the data went back (a seek back restarted the paper session): the curve starts again
        }
        if (n == t.length) {
            if (n >= MAX_KEPT) {
                int keep = n / 2;
                System.arraycopy(t, n - keep, t, 0, keep);
                System.arraycopy(v, n - keep, v, 0, keep);
                n = keep;
            } else {
                t = Arrays.copyOf(t, n * 2);
                v = Arrays.copyOf(v, n * 2);
            }
        }
        t[n] = time;
        v[n++] = value;
    }

    Points decimated(int maxPoints) {
        int step = Math.max(1, (n + maxPoints - 1) / maxPoints);
        int m = (n + step - 1) / step;
        long[] ot = new long[m];
        double[] ov = new double[m];
        for (int i = 0, j = 0; i < n; i += step, j++) {
            ot[j] = t[i];
            ov[j] = v[i];
        }
        if (m > 0) {
            ot[m - 1] = t[n - 1];
            ov[m - 1] = v[n - 1];
        }
        return new Points(ot, ov);
    }
}
