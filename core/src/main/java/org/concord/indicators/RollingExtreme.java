package org.concord.indicators;

/**
 * Highest (or lowest) of the last {@code n} values, the newest replaceable. A monotonic deque holds the final
 * values that can still become the extreme; the newest value is compared at query time, so replacing it is
 * O(1) and exact. O(1) amortized per value, allocation-free.
 */
public final class RollingExtreme {
    private final int n;
    private final double sign;
    private final int[] dqSeq;
    private final double[] dqVal;
    private int dqHead;
    private int dqSize;
    private int seq = -1;
    private double newest;

    private RollingExtreme(int n, boolean max) {
        this.n = Outputs.requirePeriod("window", n, 1);
        this.sign = max ? 1.0 : -1.0;
        this.dqSeq = new int[n];
        this.dqVal = new double[n];
    }

    public static RollingExtreme max(int n) {
        return new RollingExtreme(n, true);
    }

    public static RollingExtreme min(int n) {
        return new RollingExtreme(n, false);
    }

    public void add(double x) {
        if (seq >= 0) {
            double v = newest; // the previous newest value is final now
            while (dqSize > 0) {
                int back = dqHead + dqSize - 1;
                if (back >= n) {
                    back -= n;
                }
                if (dqVal[back] > v) {
                    break;
                }
                dqSize--;
            }
            int slot = dqHead + dqSize;
            if (slot >= n) {
                slot -= n;
            }
            dqSeq[slot] = seq;
            dqVal[slot] = v;
            dqSize++;
        }
        seq++;
        newest = sign * x;
        int oldest = seq - n + 1;
        while (dqSize > 0 && dqSeq[dqHead] < oldest) {
            dqHead = dqHead + 1 == n ? 0 : dqHead + 1;
            dqSize--;
        }
    }

    public void replaceNewest(double x) {
        if (seq < 0) {
            throw new IllegalStateException("replaceNewest on an empty window");
        }
        newest = sign * x;
    }

    /** The extreme of the window (up to {@code n} values). */
    public double value() {
        double m = newest;
        if (dqSize > 0 && dqVal[dqHead] > m) {
            m = dqVal[dqHead];
        }
        return sign * m;
    }

    /** Values seen so far, capped at the window length. */
    public int size() {
        return seq < 0 ? 0 : Math.min(seq + 1, n);
    }

    public void clear() {
        seq = -1;
        dqHead = 0;
        dqSize = 0;
        newest = 0;
    }
}
