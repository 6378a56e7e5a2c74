package org.concord.modules.marketanalysis;

import java.util.Arrays;

/**
 * Where a value stands among the last {@code n} values before it: {@code (below + ½·equal) / count}, in [0, 1]
 * (0.5 for the median; ties count half, so a flat history gives 0.5). Below and equal are the primitive comparisons
 * ({@code -0.0 == 0.0}; a NaN is neither below nor equal to anything, and a NaN query ranks 0).
 *
 * <p>The values are held twice: in arrival order (a ring: which one leaves a full window) and sorted. A rank is two
 * binary searches, O(log n); an add moves the sorted values between the leaving and the arriving one by a single
 * array copy. A scan of the window per rank was 3 % of a full-preset backtest at n = 500. Allocation-free.
 */
final class Percentile {
    private final double[] ring;
    // the ring's values ascending in Double.compare order (-0.0 before 0.0, NaN last): both primitive predicates
    // "v < x" and "v <= x" are then true on a prefix, which the binary searches rely on
    private final double[] sorted;
    private int head;
    private int size;

    Percentile(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("percentile window must be >= 1, got " + n);
        }
        ring = new double[n];
        sorted = new double[n];
    }

    /** The rank of {@code x} among the values held (NaN when none). */
    double rank(double x) {
        if (size == 0) {
            return Double.NaN;
        }
        int below = prefix(x, false);
        int notAbove = prefix(x, true);
        return (below + 0.5 * (notAbove - below)) / size;
    }

    /** The length of the prefix of {@code sorted} whose values are below {@code x} (or not above it). */
    private int prefix(double x, boolean orEqual) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double v = sorted[mid];
            if (v < x || (orEqual && v == x)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Adds {@code x} to the history (the oldest leaves a full window). */
    void add(double x) {
        int at = insertionPoint(x);
        if (size < ring.length) {
            System.arraycopy(sorted, at, sorted, at + 1, size - at);
            sorted[at] = x;
            size++;
        } else {
            int gone = Arrays.binarySearch(sorted, 0, size, ring[head]); // the leaving value is held: found
            if (at > gone) {
                System.arraycopy(sorted, gone + 1, sorted, gone, at - 1 - gone);
                sorted[at - 1] = x;
            } else {
                System.arraycopy(sorted, at, sorted, at + 1, gone - at);
                sorted[at] = x;
            }
        }
        ring[head] = x;
        head = head + 1 == ring.length ? 0 : head + 1;
    }

    private int insertionPoint(double x) {
        int i = Arrays.binarySearch(sorted, 0, size, x);
        return i < 0 ? -i - 1 : i;
    }

    int size() {
        return size;
    }

    void clear() {
        head = 0;
        size = 0;
    }
}
