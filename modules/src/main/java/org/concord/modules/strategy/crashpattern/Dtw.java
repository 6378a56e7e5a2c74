package org.concord.modules.strategy.crashpattern;

import java.util.Arrays;

/**
 * Dynamic time warping distance between two z-normalized paths, restricted to a Sakoe-Chiba band (cells with
 * {@code |i·m/n − j| > band} are never visited), cost {@code |a_i − b_j|}, normalized by the longer length so the
 * result is an average cost per step (0 = the same shape). Reuses its two rows: allocation-free after construction,
 * single-threaded.
 */
public final class Dtw {
    private double[] prev;
    private double[] cur;

    public Dtw(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
        }
        prev = new double[maxLength + 1];
        cur = new double[maxLength + 1];
    }

    /** The band for a path of length {@code n}: {@code max(1, ceil(fraction · n))}. */
    public static int band(int n, double fraction) {
        return Math.max(1, (int) Math.ceil(fraction * n));
    }

    /**
     * Distance of {@code a[0..n)} and {@code b[0..m)} within a band of {@code band} cells around the diagonal;
     * {@code Double.POSITIVE_INFINITY} if the band admits no path (it always does when band ≥ |n − m|).
     */
    public double distance(double[] a, int n, double[] b, int m, int band) {
        return distance(a, n, b, m, band, Double.POSITIVE_INFINITY);
    }

    /**
     * {@link #distance(double[], int, double[], int, int)}, abandoned (returning {@code Double.POSITIVE_INFINITY}) as
     * soon as it cannot come out below {@code cutoff}: every path crosses each row, so once a whole row costs more
     * than {@code cutoff · max(n, m)} the distance is above the cutoff. A result below the cutoff is exact.
     */
    public double distance(double[] a, int n, double[] b, int m, int band, double cutoff) {
        if (n < 1 || m < 1 || n > a.length || m > b.length) {
            throw new IllegalArgumentException("lengths " + n + ", " + m + " outside the arrays");
        }
        if (m + 1 > prev.length) {
            prev = new double[m + 1];
            cur = new double[m + 1];
        }
        double inf = Double.POSITIVE_INFINITY;
        Arrays.fill(prev, 0, m + 1, inf);
        prev[0] = 0;
        double ratio = (double) m / n;
        // the next row reads at most this far beyond this row's band: those cells must read as unreachable
        int reach = (int) Math.ceil(ratio) + 1;
        double limit = cutoff * Math.max(n, m);
        for (int i = 1; i <= n; i++) {
            double center = i * ratio;
            int lo = Math.max(1, (int) Math.ceil(center - band));
            int hi = Math.min(m, (int) Math.floor(center + band));
            if (lo > hi) {
                return inf;
            }
            cur[lo - 1] = inf;
            double ai = a[i - 1];
            double rowMin = inf;
            for (int j = lo; j <= hi; j++) {
                double best = prev[j - 1];
                if (prev[j] < best) {
                    best = prev[j];
                }
                if (cur[j - 1] < best) {
                    best = cur[j - 1];
                }
                double d = ai - b[j - 1];
                double v = best + (d < 0 ? -d : d);
                cur[j] = v;
                if (v < rowMin) {
                    rowMin = v;
                }
            }
            if (rowMin > limit) {
                return inf;
            }
            for (int j = hi + 1, end = Math.min(m, hi + reach); j <= end; j++) {
                cur[j] = inf;
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m] / Math.max(n, m);
    }

    /**
     * The Keogh envelope of {@code b[0..m)} for a query of the same length within {@code band}: {@code upper[k]} and
     * {@code lower[k]} are the max and min of {@code b[k−band..k+band]}, the values row {@code k} may be matched with.
     */
    public static void envelope(double[] b, int m, int band, double[] upper, double[] lower) {
        if (m < 1 || m > b.length || upper.length < m || lower.length < m || band < 0) {
            throw new IllegalArgumentException("length " + m + " or band " + band + " outside the arrays");
        }
        for (int k = 0; k < m; k++) {
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (int j = Math.max(0, k - band), end = Math.min(m - 1, k + band); j <= end; j++) {
                hi = Math.max(hi, b[j]);
                lo = Math.min(lo, b[j]);
            }
            upper[k] = hi;
            lower[k] = lo;
        }
    }

    /**
     * LB_Keogh: a lower bound of {@link #distance} of {@code q[0..m)} and a path of the same length whose
     * {@link #envelope} is given, in the same units (per step). Every warping path crosses each row, and row
     * {@code k} costs at least the distance of {@code q[k]} to the envelope there; O(m) instead of O(m·band).
     */
    public static double lowerBound(double[] q, int m, double[] upper, double[] lower) {
        double sum = 0;
        for (int k = 0; k < m; k++) {
            double v = q[k];
            if (v > upper[k]) {
                sum += v - upper[k];
            } else if (v < lower[k]) {
                sum += lower[k] - v;
            }
        }
        return sum / m;
    }

    /** Z-normalizes {@code x[0..n)} into {@code out} (mean 0, population σ 1); all zeros when x is flat. */
    public static void normalize(double[] x, int n, double[] out) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i];
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean;
            var += d * d;
        }
        double sd = Math.sqrt(var / n);
        for (int i = 0; i < n; i++) {
            out[i] = sd > 0 ? (x[i] - mean) / sd : 0;
        }
    }
}
