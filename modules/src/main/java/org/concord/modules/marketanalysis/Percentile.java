package org.concord.modules.marketanalysis;

/**
 * Where a value stands among the last {@code n} values before it: {@code (below + ½·equal) / count}, in [0, 1]
 * (0.5 for the median; ties count half, so a flat history gives 0.5). A ring of primitives, O(n) per query,
 * allocation-free.
 */
final class Percentile {
    private final double[] ring;
    private int head;
    private int size;

    Percentile(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("percentile window must be >= 1, got " + n);
        }
        ring = new double[n];
    }

    /** The rank of {@code x} among the values held (NaN when none). */
    double rank(double x) {
        if (size == 0) {
            return Double.NaN;
        }
        int below = 0;
        int equal = 0;
        for (int i = 0; i < size; i++) {
            double v = ring[i];
            if (v < x) {
                below++;
            } else if (v == x) {
                equal++;
            }
        }
        return (below + 0.5 * equal) / size;
    }

    /** Adds {@code x} to the history (the oldest leaves a full window). */
    void add(double x) {
        ring[head] = x;
        head = head + 1 == ring.length ? 0 : head + 1;
        if (size < ring.length) {
            size++;
        }
    }

    int size() {
        return size;
    }

    void clear() {
        head = 0;
        size = 0;
    }
}
