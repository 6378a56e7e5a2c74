package org.concord.coordination;

/**
 * How each bucket has done in each regime: an exponentially weighted mean and variance of the bucket's per-bar
 * returns observed while that regime held, scored as a (per-bar) Sharpe ratio. Unknown (fewer than
 * {@code minObservations}) scores 0. Allocation-free.
 */
public final class RegimeScores {
    private final double alpha;
    private final int minObservations;
    private final double[][] mean = new double[Regime.COUNT][Bucket.COUNT];
    private final double[][] var = new double[Regime.COUNT][Bucket.COUNT];
    private final long[][] count = new long[Regime.COUNT][Bucket.COUNT];

    public RegimeScores(int halfLife, int minObservations) {
        if (halfLife < 1 || minObservations < 2) {
            throw new IllegalArgumentException("need halfLife >= 1 and minObservations >= 2");
        }
        this.alpha = 1 - Math.pow(0.5, 1.0 / halfLife);
        this.minObservations = minObservations;
    }

    public void observe(Regime regime, Bucket bucket, double periodReturn) {
        if (Double.isNaN(periodReturn) || Double.isInfinite(periodReturn)) {
            return;
        }
        int r = regime.index();
        int b = bucket.ordinal();
        if (count[r][b] == 0) {
            mean[r][b] = periodReturn;
        } else {
            double d = periodReturn - mean[r][b];
            mean[r][b] += alpha * d;
            var[r][b] = (1 - alpha) * (var[r][b] + alpha * d * d);
        }
        count[r][b]++;
    }

    /** Per-bar Sharpe of {@code bucket} in {@code regime}, 0 when unknown. */
    public double score(Regime regime, Bucket bucket) {
        int r = regime.index();
        int b = bucket.ordinal();
        if (count[r][b] < minObservations || !(var[r][b] > 0)) {
            return 0;
        }
        return mean[r][b] / Math.sqrt(var[r][b]);
    }

    public long observations(Regime regime, Bucket bucket) {
        return count[regime.index()][bucket.ordinal()];
    }
}
