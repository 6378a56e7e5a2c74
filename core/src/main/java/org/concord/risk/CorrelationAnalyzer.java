package org.concord.risk;

import org.concord.model.Symbol;

import java.util.HashMap;
import java.util.Map;

/**
 * Pearson correlation of log returns between instruments over the last {@code window} bars both have (aligned by
 * bar time). Fewer than {@code minObservations} aligned returns: unknown, reported as 0 (no cluster). Fed with
 * closed bars of one timeframe on the decision thread; computed on demand (O(window) per pair).
 */
public final class CorrelationAnalyzer {
    private static final class Ring {
        final long[] time;
        final double[] ret;
        int count;
        int head;
        double lastClose = Double.NaN;

        Ring(int n) {
            time = new long[n];
            ret = new double[n];
        }

        void add(long t, double r) {
            time[head] = t;
            ret[head] = r;
            head = (head + 1) % time.length;
            count = Math.min(count + 1, time.length);
        }

        /** k = 0 is the newest. */
        int idx(int k) {
            return Math.floorMod(head - 1 - k, time.length);
        }
    }

    private final int window;
    private final int minObservations;
    private final Map<Symbol, Ring> rings = new HashMap<>();

    public CorrelationAnalyzer(int window, int minObservations) {
        if (window < 2 || minObservations < 2 || minObservations > window) {
            throw new IllegalArgumentException("need 2 <= minObservations <= window, got " + minObservations + "/" + window);
        }
        this.window = window;
        this.minObservations = minObservations;
    }

    /** A closed bar's close at {@code time}: adds its log return (bad prices are ignored). */
    public void onClose(Symbol symbol, long time, double close) {
        if (symbol == null || !(close > 0) || Double.isInfinite(close)) {
            return;
        }
        Ring r = rings.get(symbol);
        if (r == null) { // not computeIfAbsent: its capturing lambda was allocated on every close
            r = new Ring(window);
            rings.put(symbol, r);
        }
        if (r.lastClose > 0 && (r.count == 0 || time > r.time[r.idx(0)])) {
            r.add(time, Math.log(close / r.lastClose));
        }
        r.lastClose = close;
    }

    /** Correlation in [-1, 1]; 1 for an instrument with itself; 0 when unknown. */
    public double correlation(Symbol a, Symbol b) {
        if (a.equals(b)) {
            return 1;
        }
        Ring x = rings.get(a);
        Ring y = rings.get(b);
        if (x == null || y == null) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        while (i < x.count && j < y.count) {
            long tx = x.time[x.idx(i)];
            long ty = y.time[y.idx(j)];
            if (tx == ty) {
                double u = x.ret[x.idx(i)];
                double v = y.ret[y.idx(j)];
                sx += u;
                sy += v;
                sxx += u * u;
                syy += v * v;
                sxy += u * v;
                n++;
                i++;
                j++;
            } else if (tx > ty) {
                i++;
            } else {
                j++;
            }
        }
        if (n < minObservations) {
            return 0;
        }
        double cov = sxy - sx * sy / n;
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        if (!(vx > 0) || !(vy > 0)) {
            return 0;
        }
        return Math.max(-1, Math.min(1, cov / Math.sqrt(vx * vy)));
    }
}
