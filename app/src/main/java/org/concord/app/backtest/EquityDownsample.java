package org.concord.app.backtest;

import java.util.Arrays;

/**
 * Thins an equity curve for display: the curve is cut into buckets and each keeps its lowest and highest sample
 * (in time order), plus the first and last sample of the whole curve, so troughs and peaks (the drawdown a person
 * looks for) survive. Display only: the metrics come from the report, never from these points.
 */
public final class EquityDownsample {
    private EquityDownsample() {
    }

    /** Points {@code (time, equity)} at most {@code max} long (max >= 4), as two parallel arrays. */
    public static Points of(long[] time, double[] equity, int max) {
        if (time == null || equity == null || time.length != equity.length) {
            throw new IllegalArgumentException("time and equity must be parallel arrays");
        }
        if (max < 4) {
            throw new IllegalArgumentException("max must be at least 4, got " + max);
        }
        int n = time.length;
        if (n <= max) {
            return new Points(time.clone(), equity.clone());
        }
        int buckets = (max - 2) / 2;
        long[] t = new long[max];
        double[] e = new double[max];
        int k = 0;
        t[k] = time[0];
        e[k++] = equity[0];
        // buckets over the inner samples [1, n-1)
        int inner = n - 2;
        for (int b = 0; b < buckets; b++) {
            int lo = 1 + (int) ((long) inner * b / buckets);
            int hi = 1 + (int) ((long) inner * (b + 1) / buckets);
            if (lo >= hi) {
                continue;
            }
            int min = lo;
            int maxI = lo;
            for (int i = lo + 1; i < hi; i++) {
                if (equity[i] < equity[min]) {
                    min = i;
                }
                if (equity[i] > equity[maxI]) {
                    maxI = i;
                }
            }
            int first = Math.min(min, maxI);
            int second = Math.max(min, maxI);
            t[k] = time[first];
            e[k++] = equity[first];
            if (second != first) {
                t[k] = time[second];
                e[k++] = equity[second];
            }
        }
        t[k] = time[n - 1];
        e[k++] = equity[n - 1];
        return new Points(Arrays.copyOf(t, k), Arrays.copyOf(e, k));
    }

    public record Points(long[] time, double[] equity) {
        public int size() {
            return time.length;
        }
    }
}
