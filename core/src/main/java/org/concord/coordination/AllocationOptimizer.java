package org.concord.coordination;

import java.util.Arrays;

/**
 * Turns bucket scores into capital allocations and moves allocations smoothly.
 * <ul>
 *   <li>{@link #target}: softmax of the scores at {@code temperature} (a non-finite score counts as 0, neutral),
 *       projected onto the allowed set {@code min <= a_i <= max, sum a_i = 1}.</li>
 *   <li>{@link #smooth}: the point of that set nearest the target that moves no allocation more than
 *       {@code maxStep} from the previous one: the projection onto
 *       {@code max(min, prev_i - step) <= a_i <= min(max, prev_i + step), sum = 1}. The previous allocation lies
 *       in that set, so it is never empty; "renormalizing" is the shift that brings the sum back to 1 within the
 *       step bounds.</li>
 * </ul>
 * The projection {@code a_i = clamp(t_i + lambda, lo_i, hi_i)} finds {@code lambda} exactly between the two of
 * the 2n kinks of the sum around 1 (it runs twice per bar: bisection took some sixty passes), then puts the last
 * rounding residue on a coordinate with room, so the sum is 1 to within 1e-12.
 */
public final class AllocationOptimizer {
    private final double min;
    private final double max;
    private final double maxStep;
    private final double temperature;
    // the target's bounds, the same on every call: read-only, so one optimizer may serve engines on several threads
    private final double[] minBounds = new double[Bucket.COUNT];
    private final double[] maxBounds = new double[Bucket.COUNT];

    public AllocationOptimizer(double min, double max, double maxStep, double temperature) {
        if (!(min >= 0) || !(max <= 1) || !(min <= max)) {
            throw new IllegalArgumentException("need 0 <= min <= max <= 1, got " + min + "/" + max);
        }
        if (min * Bucket.COUNT > 1 + 1e-12 || max * Bucket.COUNT < 1 - 1e-12) {
            throw new IllegalArgumentException("bounds " + min + ".." + max + " cannot sum to 1 over " + Bucket.COUNT + " buckets");
        }
        if (!(maxStep > 0) || !(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("maxStep and temperature must be > 0, got " + maxStep + "/" + temperature);
        }
        this.min = min;
        this.max = max;
        this.maxStep = maxStep;
        this.temperature = temperature;
        Arrays.fill(minBounds, min);
        Arrays.fill(maxBounds, max);
    }

    /** Min 10%, max 50%, step 0.1, temperature 1. */
    public static AllocationOptimizer defaults() {
        return new AllocationOptimizer(0.10, 0.50, 0.10, 1.0);
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double maxStep() {
        return maxStep;
    }

    /** Equal shares (always allowed). */
    public double[] equal() {
        double[] a = new double[Bucket.COUNT];
        Arrays.fill(a, 1.0 / Bucket.COUNT);
        return a;
    }

    /**
     * The temporaries of one caller's updates, kept between them: the optimizer itself is read-only and may be shared
     * by engines on several threads, so each keeps its own (one thread each). An update then allocates nothing.
     */
    public static final class Work {
        final double[] t = new double[Bucket.COUNT];
        final double[] lo = new double[Bucket.COUNT];
        final double[] hi = new double[Bucket.COUNT];
        final double[] x = new double[Bucket.COUNT];
    }

    /** Writes into {@code out} the target allocation for {@code scores} (one per bucket, any values). */
    public void target(double[] scores, Work w, double[] out) {
        check(scores, "scores");
        check(out, "out");
        int n = scores.length;
        double[] s = w.t;
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            s[i] = Double.isFinite(scores[i]) ? Math.max(-50, Math.min(50, scores[i])) / temperature : 0;
            top = Math.max(top, s[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            s[i] = Math.exp(s[i] - top);
            sum += s[i];
        }
        for (int i = 0; i < n; i++) {
            s[i] /= sum;
        }
        project(s, minBounds, maxBounds, w.x);
        System.arraycopy(w.x, 0, out, 0, n);
    }

    /** Writes into {@code out} (which may be {@code previous}) the allocation after one update from {@code previous} toward {@code target}. */
    public void smooth(double[] previous, double[] target, Work w, double[] out) {
        check(previous, "previous");
        check(target, "target");
        check(out, "out");
        int n = previous.length;
        double[] lo = w.lo;
        double[] hi = w.hi;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(previous[i]) || previous[i] < min - 1e-9 || previous[i] > max + 1e-9) {
                throw new IllegalArgumentException("previous allocation " + Arrays.toString(previous) + " is outside [" + min + ", " + max + "]");
            }
            sum += previous[i];
            lo[i] = Math.max(min, previous[i] - maxStep);
            hi[i] = Math.min(max, previous[i] + maxStep);
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("previous allocation sums to " + sum + ", not 1");
        }
        double[] t = w.t;
        for (int i = 0; i < n; i++) {
            t[i] = Double.isFinite(target[i]) ? target[i] : previous[i];
        }
        project(t, lo, hi, w.x);
        System.arraycopy(w.x, 0, out, 0, n);
    }

    private static void check(double[] a, String name) {
        if (a == null || a.length != Bucket.COUNT) {
            throw new IllegalArgumentException(name + " must have one value per bucket (" + Bucket.COUNT + ")");
        }
    }

    /**
     * Writes into {@code x} (not one of the inputs) the Euclidean projection of {@code t} onto
     * {@code lo <= x <= hi, sum x = 1} (requires sum lo <= 1 <= sum hi).
     */
    static void project(double[] t, double[] lo, double[] hi, double[] x) {
        int n = t.length;
        // f(lambda) = sum clamp(t_i + lambda, lo_i, hi_i) is piecewise linear and non-decreasing, its kinks at
        // lo_i - t_i and hi_i - t_i: take the highest kink below f = 1 and the lowest at or above it (2n evaluations
        // of n terms, no sorting, nothing allocated) and solve the line between them
        double below = Double.NEGATIVE_INFINITY;
        double fBelow = 0;
        double above = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 2 * n; k++) {
            double kink = k < n ? lo[k] - t[k] : hi[k - n] - t[k - n];
            double f = sum(t, lo, hi, kink, x);
            if (f < 1) {
                if (kink > below) {
                    below = kink;
                    fBelow = f;
                }
            } else if (kink < above) {
                above = kink;
            }
        }
        double lambda;
        if (below == Double.NEGATIVE_INFINITY) {
            lambda = above; // the lower bounds alone sum to 1
        } else if (above == Double.POSITIVE_INFINITY) {
            lambda = below; // the upper bounds sum to less than 1 by rounding: the residue pass below fills it
        } else {
            int free = 0; // coordinates strictly inside their bounds between the two kinks
            for (int i = 0; i < n; i++) {
                if (lo[i] - t[i] <= below && hi[i] - t[i] >= above) {
                    free++;
                }
            }
            lambda = free == 0 ? above : Math.min(above, below + (1 - fBelow) / free);
        }
        sum(t, lo, hi, lambda, x);
        // put the rounding residue where there is room
        for (int pass = 0; pass < 3; pass++) {
            double s = 0;
            for (double v : x) {
                s += v;
            }
            double r = 1 - s;
            if (r == 0) {
                break;
            }
            for (int i = 0; i < n && r != 0; i++) {
                double room = r > 0 ? hi[i] - x[i] : lo[i] - x[i];
                double d = r > 0 ? Math.min(r, room) : Math.max(r, room);
                x[i] += d;
                r -= d;
            }
        }
    }

    private static double sum(double[] t, double[] lo, double[] hi, double lambda, double[] out) {
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            out[i] = Math.max(lo[i], Math.min(hi[i], t[i] + lambda));
            s += out[i];
        }
        return s;
    }
}
