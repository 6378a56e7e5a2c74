package org.concord.modules.correlation;

/**
 * Pearson correlation and beta of two return series over the last {@code window} aligned pairs. Recomputed from the
 * window on each read (two passes, O(window)), which is exact and, for the windows used here (tens to hundreds of
 * bars, one read per decision), cheaper than guarding running sums against cancellation. Not thread-safe.
 */
public final class RollingCorrelation {
    private final double[] a;
    private final double[] b;
    private int head;
    private int size;

    public RollingCorrelation(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("window must be >= 2, got " + window);
        }
        a = new double[window];
        b = new double[window];
    }

    public void add(double x, double y) {
        a[head] = x;
        b[head] = y;
        head = (head + 1) % a.length;
        if (size < a.length) {
            size++;
        }
    }

    public int size() {
        return size;
    }

    public int window() {
        return a.length;
    }

    /** Pearson correlation in [-1, 1]; 0 with fewer than 2 pairs or a constant series. */
    public double correlation() {
        double[] m = moments();
        return m[1] <= 0 || m[2] <= 0 ? 0.0 : Math.max(-1, Math.min(1, m[0] / Math.sqrt(m[1] * m[2])));
    }

    /** Beta of the second series on the first: {@code cov(a, b) / var(a)}; 0 when {@code a} is constant. */
    public double beta() {
        double[] m = moments();
        return m[1] <= 0 ? 0.0 : m[0] / m[1];
    }

    /** {Σ(a-ā)(b-b̄), Σ(a-ā)², Σ(b-b̄)²}. */
    private double[] moments() {
        if (size < 2) {
            return new double[] {0, 0, 0};
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < size; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= size;
        mb /= size;
        double cab = 0;
        double vaa = 0;
        double vbb = 0;
        for (int i = 0; i < size; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            cab += da * db;
            vaa += da * da;
            vbb += db * db;
        }
        return new double[] {cab, vaa, vbb};
    }

    public void clear() {
        head = 0;
        size = 0;
    }
}
