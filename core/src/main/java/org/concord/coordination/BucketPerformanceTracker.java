package org.concord.coordination;

/**
 * Rolling, exponentially weighted record of one bucket: per-bar returns (Sharpe, drawdown over a rolling window)
 * and closed trades (win rate, profit factor, payoff ratio, predicted vs realized return). Recent results weigh
 * more: a weight halves every {@code returnHalfLife} bars / {@code tradeHalfLife} trades. Statistics are ratios of
 * decayed sums ({@code sum w_i x_i / sum w_i}), so early estimates are not biased toward the first observation and
 * a very long half-life gives the plain averages. Allocation-free.
 */
public final class BucketPerformanceTracker {
    private final Bucket bucket;
    private final double dRet;
    private final double dTrade;
    private final double annualization;
    private final int minPeriods;
    // decayed sums of per-bar returns
    private double sw;
    private double swx;
    private double swxx;
    private long periods;
    // decayed sums of trades
    private double tw;
    private double twWin;
    private double twProfit;
    private double twLoss;
    private double winW;
    private double winX;
    private double lossW;
    private double lossX;
    private double predW;
    private double predX;
    private double predRealized;
    private double predError;
    private long trades;
    // rolling drawdown over the last `window` periods of the cumulative return curve
    private final RollingDrawdown drawdown;
    private double level = 1;

    /**
     * @param periodsPerYear bars per year of the returns fed (105,120 for 5-minute bars around the clock)
     * @param ddWindow       bars the rolling drawdown looks back
     * @param minPeriods     bars before the Sharpe ratio is reported (0 before)
     */
    public BucketPerformanceTracker(Bucket bucket, int returnHalfLife, int tradeHalfLife, double periodsPerYear, int ddWindow, int minPeriods) {
        if (bucket == null || returnHalfLife < 1 || tradeHalfLife < 1 || !(periodsPerYear > 0) || ddWindow < 2 || minPeriods < 2) {
            throw new IllegalArgumentException("bucket required; half-lives >= 1, periodsPerYear > 0, ddWindow >= 2, minPeriods >= 2");
        }
        this.bucket = bucket;
        this.dRet = Math.pow(0.5, 1.0 / returnHalfLife);
        this.dTrade = Math.pow(0.5, 1.0 / tradeHalfLife);
        this.annualization = Math.sqrt(periodsPerYear);
        this.drawdown = new RollingDrawdown(ddWindow);
        this.minPeriods = minPeriods;
    }

    /** Day half-life for returns, 20-trade half-life, 5-minute bars, one-week drawdown window, Sharpe after one day. */
    public static BucketPerformanceTracker defaults(Bucket bucket) {
        return new BucketPerformanceTracker(bucket, 288, 20, 105_120, 2016, 288);
    }

    public Bucket bucket() {
        return bucket;
    }

    /** One bar's return of the bucket's capital (non-finite values are ignored). */
    public void onPeriodReturn(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return;
        }
        sw = dRet * sw + 1;
        swx = dRet * swx + r;
        swxx = dRet * swxx + r * r;
        periods++;
        level *= 1 + r;
        drawdown.add(level);
    }

    /** A closed trade's return and, if its signal gave one, the predicted return. */
    public void onTradeClosed(double realized, Double predictedReturn) {
        if (Double.isNaN(realized) || Double.isInfinite(realized)) {
            return;
        }
        double d = dTrade;
        tw = d * tw + 1;
        twWin = d * twWin + (realized > 0 ? 1 : 0);
        twProfit = d * twProfit + Math.max(0, realized);
        twLoss = d * twLoss + Math.max(0, -realized);
        winW *= d;
        winX *= d;
        lossW *= d;
        lossX *= d;
        if (realized > 0) {
            winW += 1;
            winX += realized;
        } else if (realized < 0) {
            lossW += 1;
            lossX -= realized;
        }
        predW *= d;
        predX *= d;
        predRealized *= d;
        predError *= d;
        if (predictedReturn != null && Double.isFinite(predictedReturn)) {
            predW += 1;
            predX += predictedReturn;
            predRealized += realized;
            predError += Math.abs(predictedReturn - realized);
        }
        trades++;
    }

    public double sharpe() {
        if (periods < minPeriods || !(sw > 0)) {
            return 0;
        }
        double mean = swx / sw;
        double var = swxx / sw - mean * mean;
        return var > 0 ? mean / Math.sqrt(var) * annualization : 0;
    }

    public double profitFactor() {
        if (twLoss > 0) {
            return twProfit / twLoss;
        }
        return twProfit > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    public double payoffRatio() {
        if (!(winW > 0) || !(lossW > 0) || !(lossX > 0)) {
            return 0;
        }
        return (winX / winW) / (lossX / lossW);
    }

    public double winRate() {
        return tw > 0 ? twWin / tw : 0;
    }

    public long trades() {
        return trades;
    }

    public long periods() {
        return periods;
    }

    /** Deepest peak-to-trough fall of the return curve within the window, in [0, 1]. */
    public double maxDrawdown() {
        return drawdown.max();
    }

    public BucketPerformance snapshot() {
        boolean p = predW > 0;
        return new BucketPerformance(bucket, sharpe(), winRate(), profitFactor(), payoffRatio(), maxDrawdown(), p ? predX / predW : Double.NaN,
                p ? predRealized / predW : Double.NaN, p ? predError / predW : Double.NaN, trades, periods);
    }
}
