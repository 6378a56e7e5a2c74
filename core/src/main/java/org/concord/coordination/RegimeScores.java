package org.concord.coordination;

/**
 * How each bucket has done in each regime: an exponentially weighted mean and variance (ratios of decayed sums) of
 * the bucket's per-bar returns observed while that regime held, scored as a (per-bar) Sharpe ratio. Unknown (fewer
 * than {@code minObservations}) scores 0. Allocation-free.
 */
public final class RegimeScores {
    private final double decay;
    private final int minObservations;
    private final double[][] w = new double[Regime.COUNT][Bucket.COUNT];
    private final double[][] wx = new double[Regime.COUNT][Bucket.COUNT];
    private final double[][] wxx = new double[Regime.COUNT][Bucket.COUNT];
    private final long[][] count = new long[Regime.COUNT][Bucket.COUNT];

    public RegimeScores(int halfLife, int minObservations) {
        if (halfLife < 1 || minObservations < 2) {
            throw new IllegalArgumentException("need halfLife >= 1 and minObservations >= 2");
        }
        this.decay = Math.pow(0.5, 1.0 / halfLife);
        this.minObservations = minObservations;
    }

    public void observe(Regime regime, Bucket bucket, double periodReturn) {
        if (Double.isNaN(periodReturn) || Double.isInfinite(periodReturn)) {
            return;
        }
        int r = regime.index();
        int b = bucket.ordinal();
        w[r][b] = decay * w[r][b] + 1;
        wx[r][b] = decay * wx[r][b] + periodReturn;
        wxx[r][b] = decay * wxx[r][b] + periodReturn * periodReturn;
        count[r][b]++;
    }

    /** Per-bar Sharpe of {@code bucket} in {@code regime}, 0 when unknown. */
    public double score(Regime regime, Bucket bucket) {
        int r = regime.index();
        int b = bucket.ordinal();
        if (count[r][b] < minObservations) {
            return 0;
        }
        double mean = wx[r][b] / w[r][b];
        double var = wxx[r][b] / w[r][b] - mean * mean;
        return var > 0 ? mean / Math.sqrt(var) : 0;
    }

    public long observations(Regime regime, Bucket bucket) {
        return count[regime.index()][bucket.ordinal()];
    }
}
